import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { CardAction } from './card-action';

/** Files of this folder that help the verbs but declare none. */
const NOT_VERBS = new Set(['index', 'card-action', 'application-actions-shared']);

const isCardAction = (value: unknown): value is CardAction =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CardAction).verb === 'string' &&
  typeof (value as CardAction).handle === 'function';

/**
 * Every card verb PlanDesk answers: whatever the files of this folder declare with `cardAction`. A
 * new verb is a new file here (and its template, and its words), with nothing to register by hand.
 */
function loadCardActions(dir: string): CardAction[] {
  const files = readdirSync(dir).filter(
    (f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !NOT_VERBS.has(f.replace(/\.(ts|js)$/, '')),
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the verbs are found by listing this folder, so they are loaded by name
  const modules = files.sort().map((f) => require(path.join(dir, f)) as Record<string, unknown>);
  const actions = modules.flatMap((m) => Object.values(m).filter(isCardAction));
  const verbs = actions.flatMap((a) => [a.verb, ...(a.formerVerbs ?? [])]);
  const twice = verbs.find((v, i) => verbs.indexOf(v) !== i);
  if (twice) throw new Error(`card verb ${twice} is declared twice`);
  return actions;
}

export const CARD_ACTIONS: readonly CardAction[] = loadCardActions(__dirname);

/** The action a verb names (its current name or a former one), if any. */
export const actionFor = (actions: readonly CardAction[], verb: string): CardAction | undefined =>
  actions.find((a) => a.verb === verb || a.formerVerbs?.includes(verb));
