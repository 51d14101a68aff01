import { parseArgs } from 'node:util';
import { importCatalog, importPolicy } from '../../app/reference/import-versions';
import { isLocalDate } from '../../domain/local-date';
import { parseCatalogCsv } from '../../formats/catalog-csv';
import { parsePolicyYaml } from '../../formats/policy-yaml';
import { badOption, EXIT, orBadInput, readInput, type CliContext } from '../cli-context';

const importOptions = { effective: { type: 'string' }, by: { type: 'string' } } as const;

/** `plandesk catalog import catalog.csv`: a new catalog version; a bad row refuses the whole file. */
export async function catalogImportCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: importOptions, allowPositionals: true });
  const file = positionals[0];
  if (!file) throw badOption('file', 'required', ctx.lang);
  const content = orBadInput(parseCatalogCsv(await readInput(file, ctx.lang), file), ctx.lang);
  const store = await ctx.openStore();
  try {
    const catalog = await importCatalog({ store, clock: ctx.clock }, content, values.by ?? 'cli');
    ctx.out(
      JSON.stringify({
        catalogVersion: catalog.version,
        products: catalog.products.length,
        activities: catalog.activities.length,
        importedAt: catalog.importedAt,
      }),
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

/** `plandesk policy import policy.yaml --effective 2027-02-01`: a new policy version from that date on. */
export async function policyImportCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: importOptions, allowPositionals: true });
  const file = positionals[0];
  if (!file) throw badOption('file', 'required', ctx.lang);
  if (!values.effective) throw badOption('effective', 'required', ctx.lang);
  if (!isLocalDate(values.effective)) throw badOption('effective', 'bad_date', ctx.lang);
  const content = orBadInput(parsePolicyYaml(await readInput(file, ctx.lang), file), ctx.lang);
  const store = await ctx.openStore();
  try {
    const policy = await importPolicy({ store, clock: ctx.clock }, content, values.effective, values.by ?? 'cli');
    ctx.out(
      JSON.stringify({
        policyVersion: policy.version,
        effectiveFrom: policy.effectiveFrom,
        tiers: policy.tiers.map((tier) => tier.id),
      }),
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
