export default {
  routes: [
    { method: 'GET', path: '/recap', handler: 'recap.find', config: { policies: [] as string[] } },
    { method: 'GET', path: '/recap/export', handler: 'recap.export', config: { policies: [] as string[] } },
  ],
};
