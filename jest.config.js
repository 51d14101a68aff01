/** Tests mirror src/; @swc/jest compiles TypeScript quickly, `tsc --noEmit` checks the types. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 20000,
  // Every card a test renders is checked against adaptivecards-templating's own expansion (issue 13).
  setupFilesAfterEnv: ['<rootDir>/test/support/card-check.ts'],
  // Unpacks the bundled Chromium of the end-to-end tests once, when that is the one they use (test/e2e/support/browser.ts).
  globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
};
