/** No account needed: the SOP's performance and the service standard, as the public site shows them. */
export default {
  routes: [
    { method: 'GET', path: '/public/performance', handler: 'performance.figures', config: { auth: false as const, policies: [] as string[] } },
    { method: 'GET', path: '/public/service-standard', handler: 'performance.standard', config: { auth: false as const, policies: [] as string[] } },
  ],
};
