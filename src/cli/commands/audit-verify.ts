import { parseArgs } from 'node:util';
import type { AuditChainBreak } from '../../app/ports/store';
import { t, type Lang } from '../../i18n';
import { EXIT, type CliContext } from '../cli-context';

/** Where a break is, in the reader's words: a row of the one chain, or a place in a partition's. */
function whereOf(broken: AuditChainBreak, lang: Lang): string {
  if (broken.position === null) return t(lang, 'cli.audit.where.unplaced', { chain: broken.chain });
  if (broken.chain === '') return t(lang, 'cli.audit.where.row', { position: broken.position });
  return t(lang, 'cli.audit.where.partition', { position: broken.position, chain: broken.chain });
}

/** The entry at a break; for entries removed from a chain's end, the last one left. */
function entryOf(broken: AuditChainBreak, lang: Lang): string {
  if (broken.entry === null) return t(lang, 'cli.audit.entry.none');
  return t(lang, broken.problem === 'truncated' ? 'cli.audit.entry.last' : 'cli.audit.entry', broken.entry);
}

/**
 * `plandesk audit verify`: walks the audit trail's hash chain(s) from the first entry to the last the
 * store recorded. Intact: the count, exit 0. Broken: the first entry changed, removed or added behind
 * the store's back, and what is wrong with it, exit 1.
 */
export async function auditVerifyCommand(args: string[], ctx: CliContext): Promise<number> {
  parseArgs({ args, options: {} });
  const store = await ctx.openStore();
  try {
    const report = await store.audit.verify();
    if (report.broken) {
      const { broken } = report;
      ctx.out(
        t(ctx.lang, 'cli.audit.broken', {
          where: whereOf(broken, ctx.lang),
          entry: entryOf(broken, ctx.lang),
          what: t(ctx.lang, `cli.audit.problem.${broken.problem}`),
        }),
      );
      return EXIT.unexpected;
    }
    ctx.out(t(ctx.lang, 'cli.audit.intact', { count: report.entries, chains: report.chains }));
    if (report.unchained > 0) ctx.out(t(ctx.lang, 'cli.audit.unchained', { count: report.unchained }));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
