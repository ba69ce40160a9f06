import { assertProductionSecrets } from '../../cms/src/secrets';

const real = { APP_KEYS: 'k1,k2', JWT_SECRET: 'a-real-random-value' };

describe('the production secret guard', () => {
  it('lets development run on generated secrets', () => {
    expect(() => assertProductionSecrets('development', { APP_KEYS: 'dev-a,dev-b', JWT_SECRET: 'dev-x' })).not.toThrow();
  });

  it('starts production with real secrets', () => {
    expect(() => assertProductionSecrets('production', real)).not.toThrow();
  });

  it.each([
    ['a generated secret', { ...real, JWT_SECRET: 'dev-abc' }, /JWT_SECRET/],
    ['one generated app key among real ones', { ...real, APP_KEYS: 'k1,dev-k2' }, /APP_KEYS/],
    ['a missing secret', { ...real, JWT_SECRET: '' }, /JWT_SECRET/],
  ])('refuses production with %s, naming it', (_what, secrets, name) => {
    expect(() => assertProductionSecrets('production', secrets)).toThrow(name);
  });
});
