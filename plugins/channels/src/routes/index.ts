const route = (method: 'GET' | 'POST', path: string, handler: string) => ({ method, path, handler, config: { policies: [] as string[] } });

/** Under /api/channels: an inquiry's conversation, where its answer goes, and the officer's message to the citizen. */
export default {
  'content-api': {
    type: 'content-api',
    prefix: '/channels',
    routes: [
      route('GET', '/inquiries/:id/messages', 'messages.list'),
      route('POST', '/inquiries/:id/messages', 'messages.send'),
      route('GET', '/inquiries/:id/delivery', 'messages.plan'),
    ],
  },
};
