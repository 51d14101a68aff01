import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { migrateStore, verifyStores } from '../../app/migration/migrate-store';
import type { Store } from '../../app/ports/store';
import { badOption, BadInput, EXIT, type CliContext, type StoreLocation } from '../cli-context';
import { t } from '../../i18n';
import { progressOf } from '../progress';

/** `sqlite:<file>` or `cosmos`; anything else is bad input. */
function location(option: 'from' | 'to', value: string | undefined, ctx: CliContext): StoreLocation {
  if (value === undefined) throw badOption(option, 'required', ctx.lang);
  if (value.toLowerCase() === 'cosmos') return { kind: 'cosmos' };
  if (value.startsWith('sqlite:') && value.length > 'sqlite:'.length)
    return { kind: 'sqlite', path: value.slice('sqlite:'.length) };
  throw badOption(option, 'bad_store_location', ctx.lang);
}

/**
 * `plandesk migrate --from sqlite:./data/plandesk.db --to cosmos [--verify]`: copies a pilot's store to
 * Cosmos DB and prints the counts per kind (read, written, left as they were); safe to run again.
 * With `--verify` it copies nothing and compares the two stores item by item instead, printing each
 * difference; exit code 1 when there is one.
 */
export async function migrateCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, verify: { type: 'boolean', default: false } },
  });
  const from = location('from', values.from, ctx);
  const to = location('to', values.to, ctx);
  if (to.kind !== 'cosmos') throw badOption('to', 'not_migration_target', ctx.lang);
  if (from.kind === 'sqlite' && !existsSync(from.path))
    throw new BadInput([t(ctx.lang, 'error.file_not_found', { path: from.path })]);
  if (!ctx.openStoreAt) throw new Error('this command line cannot open a store by location');
  const opened: Store[] = [];
  try {
    const open = async (option: 'from' | 'to', where: StoreLocation) => {
      const store = await ctx.openStoreAt?.(where);
      if (!store) throw badOption(option, 'cosmos_not_configured', ctx.lang);
      opened.push(store);
      return store;
    };
    const source = await open('from', from);
    const target = await open('to', to);
    const names = { from: values.from, to: values.to };
    if (values.verify) {
      const report = await verifyStores(source, target);
      ctx.out(JSON.stringify({ ...names, verify: { same: report.differences.length === 0, ...report } }, null, 2));
      return report.differences.length === 0 ? EXIT.ok : EXIT.unexpected;
    }
    const progress = progressOf(ctx, 'migrate');
    const report = await migrateStore(source, target, { start: progress.total, item: () => progress.add() });
    progress.done();
    ctx.out(JSON.stringify({ ...names, ...report }, null, 2));
    return EXIT.ok;
  } finally {
    for (const store of opened) await store.close();
  }
}
