import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_ACTIONS } from '../../src/bot/actions';
import { CARDS_DIR } from '../../src/bot/cards';
import { applicationCard } from '../../src/bot/views/application-card';
import { CASE_ACTIONS } from '../../src/domain/workflow';
import { approverView } from './views/fixtures';

/** Every object in a template, depth first. */
function nodes(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value && typeof value === 'object')
    return [value as Record<string, unknown>, ...Object.values(value).flatMap(nodes)];
  return [];
}

const templates = readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, card: JSON.parse(readFileSync(path.join(CARDS_DIR, f), 'utf8')) as unknown }));
const templateVerbs = new Set(
  templates.flatMap(({ card }) =>
    nodes(card)
      .filter((n) => n.type === 'Action.Execute')
      .map((n) => String(n.verb)),
  ),
);
// The automatic refresh is added by the code to an application card that refreshes for someone, not
// written in a template: its verb is read from such a card as the code renders it.
const refreshCard = applicationCard({ ...approverView, refreshUserIds: ['29:someone'] }).content as {
  refresh?: { action?: { verb?: unknown } };
};
const ADDED_BY_CODE = new Set([String(refreshCard.refresh?.action?.verb)]);
const registered = new Set(CARD_ACTIONS.map((a) => a.verb));

describe('card verbs and the templates in cards/', () => {
  it('should answer every verb a template sends, and the refresh the code adds', () => {
    expect([...templateVerbs, ...ADDED_BY_CODE].filter((verb) => !registered.has(verb))).toEqual([]);
  });

  it('should send every registered verb from some template, or from the code that adds it', () => {
    expect([...registered].filter((verb) => !templateVerbs.has(verb) && !ADDED_BY_CODE.has(verb))).toEqual([]);
  });

  it('should have one declared verb behind each button the application card can show', () => {
    expect(CASE_ACTIONS.map((action) => [action, CARD_ACTIONS.filter((a) => a.button === action).length])).toEqual(
      CASE_ACTIONS.map((action) => [action, 1]),
    );
  });

  it('should give each declared comment its input on the card, required exactly when the declaration says so', () => {
    const application = templates.find((t) => t.file === 'application.json')?.card;
    for (const action of CARD_ACTIONS.filter((a) => a.comment)) {
      const input = nodes(application).find((n) => n.id === action.comment?.id);
      expect({ verb: action.verb, found: input !== undefined, required: input?.isRequired === true }).toEqual({
        verb: action.verb,
        found: true,
        required: action.comment?.required,
      });
    }
  });

  it('should know a verb by one name only, former names included', () => {
    const names = CARD_ACTIONS.flatMap((a) => [a.verb, ...(a.formerVerbs ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });
});
