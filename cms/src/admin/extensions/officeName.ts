import { brand } from '../translations/admin';

/** What the sign-in page says under its title once the Dinas is known, per language of the panel. */
const NAMED = { id: (office: string) => `Masuk ke panel konten ${office}`, en: (office: string) => `Sign in to the content panel of ${office}` };

/**
 * The sign-in page names the Dinas from its profile (GET /api/public/office). Strapi renders that page from
 * translations merged before the profile can arrive, so the line is rewritten where it stands, each time the
 * page shows it: React leaves a text it did not change alone, and a re-render restores the product's name at
 * worst, until the observer puts the Dinas back.
 */
export function nameTheOfficeOnSignIn(): void {
  let office: string | null = null;
  const rewrite = () => {
    // Only the sign-in pages say it: elsewhere the panel's many changes are not searched.
    if (!office || !window.location.pathname.includes('/auth/')) return;
    for (const language of ['id', 'en'] as const) {
      const generic = brand[language]['Auth.form.welcome.subtitle'];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, { acceptNode: (node) => (node.nodeValue === generic ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) node.nodeValue = NAMED[language](office);
    }
  };
  fetch('/api/public/office', { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((body: { data?: { fullName?: string } } | null) => {
      office = body?.data?.fullName ?? null;
      rewrite();
      if (office) new MutationObserver(rewrite).observe(document.body, { childList: true, subtree: true, characterData: true });
    })
    .catch(() => undefined);
}
