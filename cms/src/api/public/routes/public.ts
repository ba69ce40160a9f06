export default {
  routes: [
    { method: 'POST', path: '/public/inquiries', handler: 'public.submitInquiry', config: { policies: [] as string[] } },
    { method: 'GET', path: '/public/track/:code', handler: 'public.track', config: { policies: [] as string[] } },
    { method: 'POST', path: '/public/track/:code/resend', handler: 'public.resendTrackingLink', config: { policies: [] as string[] } },
    { method: 'POST', path: '/public/track/:code/verify', handler: 'public.proveTracking', config: { policies: [] as string[] } },
    { method: 'POST', path: '/public/surveys', handler: 'public.submitSurvey', config: { policies: [] as string[] } },
  ],
};
