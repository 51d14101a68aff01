// `npx plandesk …` run from source (bin/plandesk.js runs dist/), so a crash test never runs a stale build.
import { main } from '../../../src/cli/main';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
