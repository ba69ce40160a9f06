/**
 * The draft of one FAQ entry, for the public page's preview. It is a path of its own, opened only by the
 * signed token the admin panel's preview puts in the link: the content API itself never serves drafts.
 */
export default {
  routes: [{ method: 'GET', path: '/faq-preview/:documentId', handler: 'faq-entry.preview', config: { policies: [] as string[] } }],
};
