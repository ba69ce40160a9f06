const route = (method: 'GET' | 'POST' | 'DELETE', path: string, handler: string, config: Record<string, unknown> = { policies: [] }) => ({
  method,
  path,
  handler,
  config,
});

/** Under /api/telegram. The webhook authenticates Telegram by its secret token, not by a user's login. */
export default {
  'content-api': {
    type: 'content-api',
    prefix: '/telegram',
    routes: [
      route('POST', '/link-code', 'link.createCode'),
      route('GET', '/link', 'link.show'),
      route('DELETE', '/link', 'link.remove'),
      route('POST', '/webhook', 'webhook.receive', { auth: false, policies: [] }),
    ],
  },
};
