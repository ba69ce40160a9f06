export default {
  routes: [{ method: 'GET', path: '/surveys/ikm', handler: 'survey-response.ikm', config: { policies: [] as string[] } }],
};
