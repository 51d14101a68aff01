import { parseArgs } from 'node:util';
import { reportFigures } from '../../app/reporting/monthly-report';
import { isMonth } from '../../domain/local-date';
import { t } from '../../i18n';
import { describeReport } from '../../i18n/describe-report';
import { badOption, EXIT, type CliContext } from '../cli-context';

/**
 * `plandesk report 2026-11 [--json]`: the month's report with the same figures as the card in Teams —
 * as JSON with `--json`, else part by part in the reader's words. The operator reads it from the store.
 */
export async function reportCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const month = positionals[0];
  if (!month) throw badOption('month', 'required', ctx.lang);
  if (!isMonth(month)) throw badOption('month', 'bad_month', ctx.lang);
  const store = await ctx.openStore();
  try {
    const report = await reportFigures({ store, clock: ctx.clock, calendar: ctx.calendar }, month);
    if (values.json) {
      ctx.out(JSON.stringify(report, null, 2));
      return EXIT.ok;
    }
    const lines = [
      t(ctx.lang, 'report.title', { month }),
      t(ctx.lang, 'report.submitted', { count: report.submitted }),
    ];
    for (const section of describeReport(report, ctx.lang)) {
      lines.push('', section.title);
      lines.push(...section.facts.map((f) => `  ${f.title}: ${f.value}`), ...section.notes.map((n) => `  ${n}`));
    }
    ctx.out(lines.join('\n'));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
