const route = (method: 'GET' | 'POST' | 'PUT', path: string, handler: string, auth?: false) => ({ method, path, handler, config: { policies: [] as string[], ...(auth === false ? { auth } : {}) } });

/**
 * Under /api/channels: an inquiry's conversation (and a citizen's file in it), where its answer goes, the
 * officer's message to the citizen, the contact behind it; LAPOR!'s reports brought in and their status; and Meta's webhook, which authenticates Meta by its signature, not a login.
 */
/** Pengaturan → Kanal, for admin-panel users holding the plugin's permissions (register.ts). */
const adminRoute = (method: 'GET' | 'POST' | 'PUT', path: string, handler: string, action: 'read' | 'test' | 'update') => ({
  method,
  path,
  handler,
  config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::channels.settings.${action}`] } }] },
});

export default {
  admin: {
    type: 'admin',
    routes: [
      adminRoute('GET', '/settings/states', 'settings.list', 'read'),
      adminRoute('GET', '/settings/fields', 'settings.fields', 'read'),
      adminRoute('PUT', '/settings/:channel', 'settings.update', 'update'),
      adminRoute('POST', '/settings/:channel/test', 'settings.test', 'test'),
      adminRoute('POST', '/settings/:channel/test-message', 'settings.sendTest', 'test'),
    ],
  },
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
