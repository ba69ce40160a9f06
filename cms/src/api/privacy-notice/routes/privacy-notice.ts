/** No account needed: the notice a citizen is shown before giving their data, and every older version by number. */
export default {
  routes: [{ method: 'GET', path: '/public/privacy-notice', handler: 'privacy-notice.publicView', config: { auth: false as const, policies: [] as string[] } }],
};
