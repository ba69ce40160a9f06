/** Before the core router, so that /holidays/outlook is not read as /holidays/:id. No account needed: it says nothing about anyone. */
export default {
  routes: [{ method: 'GET', path: '/holidays/outlook', handler: 'holiday.outlook', config: { auth: false as const, policies: [] as string[] } }],
};
