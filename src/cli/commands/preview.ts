import { describeRefusal } from '../../i18n/describe-refusal';
import { parseArgs } from 'node:util';
import { previewApplication } from '../../app/reference/preview-application';
import type { JudgingOverrides } from '../../app/reference/judging-context';
import { isLocalDate, shanghaiDate } from '../../domain/local-date';
import { parseApplicationJson } from '../../formats/application-json';
import { parseCatalogCsv } from '../../formats/catalog-csv';
import { parsePolicyYaml } from '../../formats/policy-yaml';
import { BadInput, badOption, EXIT, orBadInput, readInput, type CliContext } from '../cli-context';
import { previewJson } from '../preview-json';

/** `plandesk preview --application app.json [--catalog c.csv] [--policy p.yaml] [--at 2027-01-15]` */
export async function previewCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      application: { type: 'string' },
      catalog: { type: 'string' },
      policy: { type: 'string' },
      at: { type: 'string' },
    },
  });
  const { lang } = ctx;
  if (!values.application) throw badOption('application', 'required', lang);
  if (values.at !== undefined && !isLocalDate(values.at)) throw badOption('at', 'bad_date', lang);
  const input = orBadInput(parseApplicationJson(await readInput(values.application, lang), values.application), lang);
  const overrides: JudgingOverrides = {};
  if (values.catalog) {
    overrides.catalog = {
      content: orBadInput(parseCatalogCsv(await readInput(values.catalog, lang), values.catalog), lang),
      label: `file:${values.catalog}`,
    };
  }
  if (values.policy) {
    overrides.policy = {
      content: orBadInput(parsePolicyYaml(await readInput(values.policy, lang), values.policy), lang),
      label: `file:${values.policy}`,
    };
  }
  const on = values.at ?? shanghaiDate(ctx.clock.now());
  const store = await ctx.openStore();
  try {
    const preview = await previewApplication(store, input, on, overrides);
    if (!preview.ok) throw new BadInput([describeRefusal(preview.error, lang)]);
    ctx.out(JSON.stringify(previewJson(preview.value, lang), null, 2));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
