/** Strapi's table of language names in their own language (aliased in ../vite.config.ts; not exported by @strapi/admin). */
declare module 'strapi-admin-language-names' {
  export const languageNativeNames: Record<string, string>;
}
