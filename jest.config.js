/** One jest run: unit tests, component tests (jsdom), then integration and browser suites against a real Strapi. */
const swc = (tsx) => ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx }, transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];

module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/tests/**/*.test.ts', '<rootDir>/tests/**/*.test.tsx'],
  transform: {
    '^.+\\.ts$': swc(false),
    '^.+\\.tsx$': swc(true),
    '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }],
  },
  // A few dashboard dependencies ship ES modules only; jest runs CommonJS, so they are compiled too.
  transformIgnorePatterns: ['/node_modules/(?!(react-hotkeys-hook)/)'],
  // Stylesheets are the browser's business; the component tests read markup and classes.
  moduleNameMapper: { '\\.css$': '<rootDir>/tests/helpers/style-stub.js' },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/component-timeouts.js'],
  testTimeout: 180000,
  maxWorkers: 2,
  modulePathIgnorePatterns: ['<rootDir>/cms/dist', '<rootDir>/cms/.strapi', '<rootDir>/cms/build', '<rootDir>/dashboard/dist'],
};
