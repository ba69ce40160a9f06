/** Leadership and the Petugas Pelindungan Data read who saw which citizen's data (see the permission seed). */
export default {
  routes: [
    { method: 'GET', path: '/access-logs', handler: 'access-log.find', config: { policies: [] as string[] } },
    { method: 'GET', path: '/access-logs/export', handler: 'access-log.export', config: { policies: [] as string[] } },
  ],
};
