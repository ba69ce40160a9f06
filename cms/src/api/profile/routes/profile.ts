export default {
  routes: [{ method: 'GET', path: '/me', handler: 'profile.me', config: { policies: [] as string[] } }],
};
