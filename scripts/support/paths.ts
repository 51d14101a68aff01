import path from 'node:path';

/** The repository root: the playground and the end-to-end harness run the bot from here, as `npm start` does. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Screenshots and logs of end-to-end runs (git-ignored), one folder per scenario. */
export const E2E_ARTIFACTS_DIR = path.join(REPO_ROOT, 'artifacts', 'e2e');
