/** No account needed: the Dinas's public identity, read by the public site, the dashboard and the admin's sign-in page. */
export default {
  routes: [
    { method: 'GET', path: '/public/office', handler: 'office-profile.publicView', config: { auth: false as const, policies: [] as string[] } },
    { method: 'GET', path: '/public/office/status', handler: 'office-profile.publicStatus', config: { auth: false as const, policies: [] as string[] } },
  ],
};
