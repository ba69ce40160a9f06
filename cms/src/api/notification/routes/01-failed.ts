/** The outbox itself has no public routes; officers only see and requeue what it gave up on. */
export default {
  routes: [
    { method: 'GET', path: '/notifications/failed', handler: 'notification.failed', config: { policies: [] as string[] } },
    { method: 'POST', path: '/notifications/:id/retry', handler: 'notification.retry', config: { policies: [] as string[] } },
  ],
};
