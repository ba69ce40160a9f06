export default {
  routes: [{ method: 'GET', path: '/search/division-suggestion', handler: 'search.divisionSuggestion', config: { policies: [] as string[] } }],
};
