/**
 * The domain's own tests, alone: what mutation testing (npm run test:mutation) runs against src/domain.
 * As jest.config.js, without the card check and browser set-up and with properties cut short, so each
 * mutant's run is quick.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/domain'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 20000,
  // Each property runs for at most 0.3 s, from a fixed seed (test/support/mutation-setup.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/mutation-setup.ts'],
};
