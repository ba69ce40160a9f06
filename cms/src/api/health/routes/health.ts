/** The state for machines (anyone, no personal data) and its details for staff. */
export default {
  routes: [
    { method: 'GET', path: '/health', handler: 'health.status', config: { auth: false, policies: [] as string[] } },
    { method: 'GET', path: '/health/details', handler: 'health.details', config: { policies: [] as string[] } },
  ],
};
