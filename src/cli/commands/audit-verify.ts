import { parseArgs } from 'node:util';
import type { AuditChainBreak, AuditChainReport } from '../../app/ports/store';
import { t, type Lang } from '../../i18n';
import { EXIT, type CliContext } from '../cli-context';

const isCheckpoint = (broken: AuditChainBreak) => broken.problem === 'forged' || broken.problem === 'unsigned';

/** Where a break is, in the reader's words: a row of the one chain, a place in a partition's, or a checkpoint. */
function whereOf(broken: AuditChainBreak, lang: Lang): string {
  if (isCheckpoint(broken))
    return broken.chain === ''
      ? t(lang, 'cli.audit.where.checkpoint')
      : t(lang, 'cli.audit.where.partition_checkpoint', { chain: broken.chain });
  if (broken.position === null) return t(lang, 'cli.audit.where.unplaced', { chain: broken.chain });
  if (broken.chain === '') return t(lang, 'cli.audit.where.row', { position: broken.position });
  return t(lang, 'cli.audit.where.partition', { position: broken.position, chain: broken.chain });
}

/** The entry at a break; for entries removed from a chain's end, the last one left; for a checkpoint, the end it records. */
function entryOf(broken: AuditChainBreak, lang: Lang): string {
  if (isCheckpoint(broken)) return t(lang, 'cli.audit.entry.checkpoint', { position: broken.position ?? 0 });
  if (broken.entry === null) return t(lang, 'cli.audit.entry.none');
  return t(lang, broken.problem === 'truncated' ? 'cli.audit.entry.last' : 'cli.audit.entry', broken.entry);
}

/** The first break, in a sentence: where, which entry, and what is wrong there. */
export function describeBreak(broken: AuditChainBreak, lang: Lang): string {
  return t(lang, 'cli.audit.broken', {
    where: whereOf(broken, lang),
    entry: entryOf(broken, lang),
    what: t(lang, `cli.audit.problem.${broken.problem}`),
  });
}

/** What the report says of the checkpoints' signatures: checked (and which still carry the previous key's), or not. */
export function describeCheckpoints(report: AuditChainReport, lang: Lang): string[] {
  if (report.checkpoints === 'unsigned') return [t(lang, 'cli.audit.unsigned')];
  if (report.broken) return [];
  return [
    t(lang, 'cli.audit.signed'),
    ...(report.previousKey > 0 ? [t(lang, 'cli.audit.previous_key', { count: report.previousKey })] : []),
  ];
}

/**
 * `plandesk audit verify`: walks the audit trail's hash chain(s) from the first entry to the last the
 * store recorded, each chain's checkpoint checked against PLANDESK_AUDIT_KEY. Intact: the count, exit
 * 0. Broken: the first entry changed, removed or added behind the store's back, or the checkpoint no key
 * signed, and what is wrong there, exit 1. Without a key, a last line says the checkpoints are unsigned.
 */
export async function auditVerifyCommand(args: string[], ctx: CliContext): Promise<number> {
  parseArgs({ args, options: {} });
  const store = await ctx.openStore();
  try {
    const report = await store.audit.verify();
    if (report.broken) ctx.out(describeBreak(report.broken, ctx.lang));
    else ctx.out(t(ctx.lang, 'cli.audit.intact', { count: report.entries, chains: report.chains }));
    if (!report.broken && report.unchained > 0)
      ctx.out(t(ctx.lang, 'cli.audit.unchained', { count: report.unchained }));
    for (const line of describeCheckpoints(report, ctx.lang)) ctx.out(line);
    return report.broken ? EXIT.unexpected : EXIT.ok;
  } finally {
    await store.close();
  }
}
