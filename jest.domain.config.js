/**
 * The domain's own tests, alone: what mutation testing (npm run test:mutation) runs against src/domain.
 * No card check or browser set-up, so each mutant's run is quick.
 */
const base = require('./jest.config');

module.exports = {
  testEnvironment: base.testEnvironment,
  transform: base.transform,
  testTimeout: base.testTimeout,
  roots: ['<rootDir>/test/domain'],
  testMatch: ['**/*.test.ts'],
};
