import fc from 'fast-check';

/**
 * Under mutation testing only (jest.domain.config.js): thousands of mutants each run the properties that
 * cover them, so each property stops after 0.3 s of runs (counted as passed) instead of its full
 * count, from a fixed seed so a run can be repeated. `npm test` runs every property in full.
 */
fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  seed: 20261201,
  interruptAfterTimeLimit: 300,
  markInterruptAsFailure: false,
});
