import { parseArgs } from 'node:util';
import { badOption, EXIT, type CliContext } from '../cli-context';

/**
 * `plandesk tick [--now 2027-03-01T09:00+08:00]`: runs, once, the jobs due at that time against the
 * store and delivers what they decide — to check a configuration before going live, or to move time
 * in a test.
 */
export async function tickCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { now: { type: 'string' } } });
  const now = values.now === undefined ? ctx.clock.now() : new Date(values.now);
  if (
    Number.isNaN(now.getTime()) ||
    (values.now !== undefined &&
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(values.now))
  ) {
    throw badOption('now', 'bad_instant', ctx.lang);
  }
  const report = await ctx.tick(now);
  ctx.out(JSON.stringify({ now: now.toISOString(), ...report }));
  return EXIT.ok;
}
