/** No account needed: anyone holding a printed or forwarded Rekap checks it here (rate-limited like tracking). */
export default {
  routes: [{ method: 'GET', path: '/public/documents/:id', handler: 'issued-document.verify', config: { auth: false as const, policies: [] as string[] } }],
};
