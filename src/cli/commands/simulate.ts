import { describeRefusal } from '../../i18n/describe-refusal';
import { parseArgs } from 'node:util';
import { progressOf } from '../progress';
import { simulatePolicy } from '../../app/reference/simulate-policy';
import { parsePolicyYaml } from '../../formats/policy-yaml';
import { BadInput, badOption, EXIT, orBadInput, readInput, type CliContext } from '../cli-context';

/** `plandesk simulate --policy draft.yaml`: how many stored applications a draft policy would re-tier, and which. */
export async function simulateCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { policy: { type: 'string' } } });
  if (!values.policy) throw badOption('policy', 'required', ctx.lang);
  const draft = orBadInput(parsePolicyYaml(await readInput(values.policy, ctx.lang), values.policy), ctx.lang);
  const store = await ctx.openStore();
  try {
    const progress = progressOf(ctx, 'simulate');
    const simulation = await simulatePolicy(store, draft, { start: progress.total, item: () => progress.add() });
    progress.done();
    if (!simulation.ok) throw new BadInput([describeRefusal(simulation.error, ctx.lang)]);
    ctx.out(JSON.stringify(simulation.value, null, 2));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
