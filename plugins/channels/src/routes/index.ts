const route = (method: 'GET' | 'POST' | 'PUT', path: string, handler: string, auth?: false) => ({ method, path, handler, config: { policies: [] as string[], ...(auth === false ? { auth } : {}) } });

/**
 * Under /api/channels: an inquiry's conversation (and a citizen's file in it), where its answer goes, the
 * officer's message to the citizen, the contact behind it; LAPOR!'s reports brought in and their status; and Meta's webhook, which authenticates Meta by its signature, not a login.
 */
export default {
  'content-api': {
    type: 'content-api',
    prefix: '/channels',
    routes: [
      route('GET', '/inquiries/:id/messages', 'messages.list'),
      route('POST', '/inquiries/:id/messages', 'messages.send'),
      route('POST', '/inquiries/:id/receipt', 'messages.sendReceipt'),
      route('GET', '/inquiries/:id/delivery', 'messages.plan'),
      route('GET', '/inquiries/:id/contact', 'messages.contact'),
      route('GET', '/inquiries/:id/messages/:message/attachments/:index', 'messages.attachment'),
      route('POST', '/lapor/parse', 'lapor.parse'),
      route('POST', '/lapor/import/preview', 'lapor.importPreview'),
      route('POST', '/lapor/import', 'lapor.import'),
      route('PUT', '/lapor/inquiries/:documentId/status', 'lapor.status'),
      route('GET', '/meta/webhook', 'meta.verify', false),
      route('POST', '/meta/webhook', 'meta.receive', false),
    ],
  },
};
