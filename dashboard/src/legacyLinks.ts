/**
 * Alerts sent before the dashboard routed by path link to `/dashboard/#/inquiries/<id>/show`; those messages
 * stay in staff's chats. The route they meant, read from the hash, or null when the hash is no route.
 */
export function routeOfHashLink(hash: string): string | null {
  const match = /^#(\/[^#]*)$/.exec(hash);
  return match && match[1] !== '/' ? match[1] : null;
}
