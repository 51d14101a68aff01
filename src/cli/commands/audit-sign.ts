import { parseArgs } from 'node:util';
import { t } from '../../i18n';
import { BadInput, EXIT, type CliContext } from '../cli-context';
import { describeBreak } from './audit-verify';

/**
 * `plandesk audit sign`: signs with PLANDESK_AUDIT_KEY the checkpoint of every intact chain that is
 * unsigned (written before the key was set) or signed with PLANDESK_AUDIT_PREVIOUS_KEY (a rotation).
 * Stops at the first broken chain, named as `audit verify` names it, exit 1; without a key, exit 2.
 */
export async function auditSignCommand(args: string[], ctx: CliContext): Promise<number> {
  parseArgs({ args, options: {} });
  const store = await ctx.openStore();
  try {
    const report = await store.audit.signCheckpoints();
    if (report.checkpoints === 'unsigned') throw new BadInput([t(ctx.lang, 'cli.audit.sign.no_key')]);
    if (report.broken) {
      ctx.out(describeBreak(report.broken, ctx.lang));
      ctx.out(t(ctx.lang, 'cli.audit.sign.stopped'));
      return EXIT.unexpected;
    }
    ctx.out(
      t(ctx.lang, 'cli.audit.sign.done', { signed: report.signed, count: report.entries, chains: report.chains }),
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
