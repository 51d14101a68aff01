import { systemClock } from '../app/ports/clock';
import { configOrExplain } from '../config';
import { calendarFor } from '../calendar/calendar-for';
import { createRuntime } from '../runtime';
import { randomUUID } from 'node:crypto';
import { openSeededStore } from '../samples/seed-samples';
import { openStoreAt } from '../store/open-store';
import { EXIT } from './cli-context';
import { terminalProgress } from './progress';
import { cliLanguage, runCli } from './run-cli';

/** `npx plandesk …`: the real CLI on the configured store (PLANDESK_DB), printing to stdout/stderr. */
export async function main(argv: string[]): Promise<number> {
  const lang = cliLanguage(argv);
  const config = configOrExplain(process.env, (message) => process.stderr.write(`${message}\n`));
  if (!config) return EXIT.badInput;
  const calendar = calendarFor(config);
  return runCli(argv, {
    lang,
    clock: systemClock,
    calendar,
    newId: randomUUID,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    progress: terminalProgress(),
    openStore: async () => (await openSeededStore(config, { clock: systemClock, calendar, newId: randomUUID })).store,
    openStoreAt: (location) => openStoreAt(location, config),
    tick: async (now) => {
      const runtime = await createRuntime(config, { clock: { now: () => now } });
      try {
        return await runtime.tick(now);
      } finally {
        await runtime.close();
      }
    },
  });
}
