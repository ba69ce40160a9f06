/** SOP steps are actions with routes of their own (DESIGN §6); there is no free PUT of status. */
const action = (method: 'GET' | 'POST', path: string, handler: string) => ({
  method,
  path,
  handler: `inquiry.${handler}`,
  config: { policies: [] as string[] },
});

export default {
  routes: [
    action('POST', '/inquiries/:id/triage', 'triage'),
    action('POST', '/inquiries/:id/coordinate', 'coordinate'),
    action('POST', '/inquiries/:id/answer', 'answer'),
    action('POST', '/inquiries/:id/close', 'close'),
    action('POST', '/inquiries/:id/reject', 'reject'),
    action('POST', '/inquiries/:id/delivered', 'delivered'),
    action('GET', '/inquiries/:id/events', 'events'),
    action('POST', '/inquiries/:id/receipt', 'receipt'),
  ],
};
