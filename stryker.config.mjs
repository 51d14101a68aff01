// Mutation testing of the rules (issue 14): every mutant of src/domain must be killed by test/domain.
// `npm run test:mutation`; the survivors that remain, and why each is equivalent, are in docs/mutation-survivors.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: ['src/domain/**/*.ts'],
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.domain.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  // Two cores shared with other work.
  concurrency: 2,
  checkers: [],
  // A static mutant (module-level code, or code a test file runs while it is loaded) needs every test
  // re-run: about a third of the mutants and most of the time. They are reported as ignored.
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Later runs re-test only the mutants whose code or covering tests changed (a full run: --force).
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  thresholds: { high: 95, low: 90, break: null },
  timeoutMS: 5000,
};
