/** One jest run: unit tests, then integration suites that boot a real Strapi on temp databases. */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  testTimeout: 180000,
  maxWorkers: 2,
  modulePathIgnorePatterns: ['<rootDir>/cms/dist', '<rootDir>/cms/.strapi', '<rootDir>/cms/build'],
};
