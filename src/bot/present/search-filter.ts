import type { SearchChoices, TermKind } from '../../app/use-cases';
import { APPLICATION_STATES, type ApplicationState } from '../../domain/application-state';
import { addDays, isLocalDate, shanghaiDate } from '../../domain/local-date';
import { TIER_IDS } from '../../domain/policy';
import { STEP_IDS, type StepId } from '../../domain/route';
import { t, type Lang } from '../../i18n';
import { tierName } from '../../i18n/describe-reason';
import { searchFilterOf } from './search-words';

/**
 * The `列表` filter card's fields, as the card sends them back (strings; a multi-select as "a,b", a
 * toggle as "true"/"false"). The card and the typed words are one filter: the fields are written as
 * the words `列表` reads (`unit:pudong-branch in_review 逾期 …`), so paging, the heading and the audit
 * have one form of it, and the card opens again from the words it was written to.
 */
export interface FilterFields {
  states: string;
  unit: string;
  step: string;
  tier: string;
  applicant: string;
  customer: string;
  product: string;
  activity: string;
  submittedFrom: string;
  submittedTo: string;
  activeFrom: string;
  activeTo: string;
  overdue: string;
  flagged: string;
  /** Other words, read as `列表` reads them. */
  words: string;
}

/** The field of the card that holds a word of each kind (a second word of a kind stays in `words`). */
const FIELD_OF: Record<TermKind, keyof FilterFields> = {
  unit: 'unit',
  applicant: 'applicant',
  tier: 'tier',
  product: 'product',
  activity: 'activity',
  customer: 'customer',
};

/** A word as `列表` reads it back whole: quoted when it has spaces (quotes inside are dropped). */
const quoted = (word: string) => {
  const w = word.replace(/"/g, '').trim();
  return /\s/.test(w) ? `"${w}"` : w;
};

/** A period as a word: `kind:from~to`, either end open. */
const periodWord = (kind: string, from: string, to: string) =>
  from && to && from === to ? `${kind}:${from}` : from || to ? `${kind}:${from}~${to}` : '';

/** The fields as `列表` words. */
export function wordsOfFields(fields: FilterFields): string {
  const states = fields.states.split(',').filter((s) => (APPLICATION_STATES as readonly string[]).includes(s));
  const step = (STEP_IDS as readonly string[]).includes(fields.step) ? [fields.step] : [];
  const kinded = (Object.keys(FIELD_OF) as TermKind[]).flatMap((kind) => {
    const value = fields[FIELD_OF[kind]].trim();
    return value ? [`${kind}:${quoted(value)}`] : [];
  });
  return [
    ...states,
    ...step,
    ...kinded,
    periodWord('submitted', fields.submittedFrom, fields.submittedTo),
    periodWord('active', fields.activeFrom, fields.activeTo),
    fields.overdue === 'true' ? 'overdue' : '',
    fields.flagged === 'true' ? 'flagged' : '',
    fields.words.trim(),
  ]
    .filter(Boolean)
    .join(' ');
}

/** The card's fields for `列表` words: what the words say, each in its field; what no field holds stays words. */
export function fieldsOfWords(words: string): FilterFields {
  const filter = searchFilterOf(words);
  const fields: FilterFields = {
    states: filter.states.join(','),
    unit: '',
    step: filter.steps[0] ?? '',
    tier: '',
    applicant: '',
    customer: '',
    product: '',
    activity: '',
    submittedFrom: filter.submittedFrom ? shanghaiDate(new Date(filter.submittedFrom)) : '',
    submittedTo: filter.submittedBefore ? addDays(shanghaiDate(new Date(filter.submittedBefore)), -1) : '',
    activeFrom: filter.activeFrom ?? '',
    activeTo: filter.activeTo ?? '',
    overdue: String(filter.overdue),
    flagged: String(filter.flagged),
    words: '',
  };
  const rest = [...filter.steps.slice(1), ...filter.terms.map(quoted)];
  for (const term of filter.typed ?? []) {
    const field = FIELD_OF[term.kind];
    if (fields[field] === '') fields[field] = term.word;
    else rest.push(`${term.kind}:${quoted(term.word)}`);
  }
  fields.words = rest.join(' ');
  return fields;
}

/** What is wrong with the fields, in words (a period that ends before it starts, a date that is none), or null. */
export function filterProblem(fields: FilterFields, lang: Lang): string | null {
  for (const [from, to, label] of [
    [fields.submittedFrom, fields.submittedTo, 'card.filter.submitted'],
    [fields.activeFrom, fields.activeTo, 'card.filter.active'],
  ] as const) {
    const field = t(lang, label);
    if ((from && !isLocalDate(from)) || (to && !isLocalDate(to))) return t(lang, 'search.badDate', { field });
    if (from && to && from > to) return t(lang, 'search.backwards', { field, firstDay: from, lastDay: to });
  }
  return null;
}

/** The card's choices in the reader's language. */
export function filterChoices(choices: SearchChoices, lang: Lang) {
  return {
    states: APPLICATION_STATES.map((s: ApplicationState) => ({ title: t(lang, `state.${s}`), value: s })),
    steps: STEP_IDS.map((s: StepId) => ({ title: t(lang, `step.${s}`), value: s })),
    units: choices.units.map((u) => ({ title: u.name, value: u.id })),
    tiers: TIER_IDS.map((id) => ({ title: tierName(id, lang, choices.tierNames), value: id })),
    products: choices.products.map((p) => ({ title: `${p.name}(${p.code})`, value: p.code })),
    activities: choices.activities.map((a) => ({ title: a.code, value: a.code })),
  };
}
