import type { ResolvedTerm, SearchFilter, TermKind } from '../../app/use-cases';
import { APPLICATION_STATES, type ApplicationState } from '../../domain/application-state';
import {
  addDays,
  addMonths,
  isLocalDate,
  shanghaiDate,
  shanghaiInstant,
  type LocalDate,
  type Month,
} from '../../domain/local-date';
import { STEP_IDS, type StepId } from '../../domain/route';
import { t, type Lang } from '../../i18n';

const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
import { tierName } from '../../i18n/describe-reason';

const norm = (word: string) => word.trim().toLowerCase();

/** Every way a state may be written: its id and its label in each language ("审批中", "in review"). */
const STATE_WORDS = new Map<string, ApplicationState>(
  APPLICATION_STATES.flatMap((s) => [
    [s, s],
    [s.replace(/_/g, '-'), s],
    ...LANGS.map((lang) => [norm(t(lang, `state.${s}`)), s] as [string, ApplicationState]),
  ]),
);
/** Short Chinese names people use for states. */
for (const [word, state] of [
  ['退回', 'returned'],
  ['受理中', 'in_fulfillment'],
  ['生效', 'active'],
  ['生效中', 'active'],
  ['驳回', 'rejected'],
  ['撤回', 'withdrawn'],
  ['到期', 'expired'],
] as const)
  STATE_WORDS.set(word, state);

const STEP_WORDS = new Map<string, StepId>(
  STEP_IDS.flatMap((s) => [[s, s], ...LANGS.map((lang) => [norm(t(lang, `step.${s}`)), s] as [string, StepId])]),
);
const OVERDUE = new Set(['逾期', '超期', 'overdue']);
const FLAGGED = new Set(['预警', '未达预期', 'flagged']);

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = '(\\d{4}-\\d{2}-\\d{2})';
/** A range of days; either end may be left open (2026-11-01~, ~2026-11-30). */
const RANGE = new RegExp(`^${DAY}?(?:~|\\.\\.|至|to)${DAY}?$`);

/** `kind:word` (or `kind：word`, `kind=word`): a word said to be a unit, a person, a customer… */
const KIND_WORDS = new Map<string, TermKind | 'submitted' | 'active'>([
  ['单位', 'unit'],
  ['unit', 'unit'],
  ['申请人', 'applicant'],
  ['applicant', 'applicant'],
  ['档位', 'tier'],
  ['tier', 'tier'],
  ['产品', 'product'],
  ['product', 'product'],
  ['活动', 'activity'],
  ['activity', 'activity'],
  ['客户', 'customer'],
  ['customer', 'customer'],
  ['提交', 'submitted'],
  ['submitted', 'submitted'],
  ['有效', 'active'],
  ['生效', 'active'],
  ['active', 'active'],
]);
const KINDED = /^([^:：=\s"]+)[:：=](.*)$/s;

/** Words split at spaces, a "quoted phrase" (also after `kind:`) kept whole. */
const tokensOf = (words: string): string[] =>
  [...words.matchAll(/[^\s"]*"[^"]*"?|\S+/g)].map((m) => m[0].replace(/"/g, '')).filter(Boolean);

/** A month, a day or a range of days as its first and last day (either may be open in a range). */
function daysOf(w: string): [LocalDate | null, LocalDate | null] | null {
  if (MONTH.test(w) && isLocalDate(`${w}-01`)) return [`${w}-01`, addDays(`${addMonths(w as Month, 1)}-01`, -1)];
  if (isLocalDate(w)) return [w, w];
  const range = RANGE.exec(w);
  if (!range || (!range[1] && !range[2])) return null;
  const [from, to] = [range[1] ?? null, range[2] ?? null];
  return (from === null || isLocalDate(from)) && (to === null || isLocalDate(to)) ? [from, to] : null;
}

/**
 * `列表` words as a filter: states, the step a plan waits at, 逾期 / overdue, 预警 / flagged, a month
 * (2026-11), a day or a range of days (2026-11-01~2026-11-15) of submission, and words said to be of
 * a kind (`客户:浦东`, `有效:2026-12`, see KIND_WORDS); every other word is left for the directory,
 * catalog and policy to resolve (unit, applicant, tier, product, activity, customer).
 */
export function searchFilterOf(words: string): SearchFilter {
  const filter: SearchFilter = {
    states: [],
    steps: [],
    overdue: false,
    flagged: false,
    submittedFrom: null,
    submittedBefore: null,
    activeFrom: null,
    activeTo: null,
    terms: [],
    typed: [],
  };
  const submitted = ([from, to]: [LocalDate | null, LocalDate | null]) => {
    filter.submittedFrom = from && shanghaiInstant(from).toISOString();
    filter.submittedBefore = to && shanghaiInstant(addDays(to, 1)).toISOString();
  };
  for (const word of tokensOf(words).slice(0, 16)) {
    const w = norm(word);
    const kinded = KINDED.exec(word);
    const kind = kinded && KIND_WORDS.get(norm(kinded[1] ?? ''));
    const value = (kinded?.[2] ?? '').trim();
    const state = STATE_WORDS.get(w);
    const step = STEP_WORDS.get(w);
    const days = daysOf(w);
    if (kind && value) {
      const period = kind === 'submitted' || kind === 'active' ? daysOf(value) : null;
      if (kind === 'submitted' && period) submitted(period);
      else if (kind === 'active' && period) [filter.activeFrom, filter.activeTo] = period;
      else if (kind !== 'submitted' && kind !== 'active') filter.typed?.push({ kind, word: value.slice(0, 64) });
      else filter.terms.push(word.slice(0, 64));
    } else if (state) filter.states.push(state);
    else if (step) filter.steps.push(step);
    else if (OVERDUE.has(w)) filter.overdue = true;
    else if (FLAGGED.has(w)) filter.flagged = true;
    else if (days) submitted(days);
    else filter.terms.push(word.slice(0, 64));
  }
  return filter;
}

/** The filter as the list's heading says it back: what each word was taken for. */
export function describeSearch(filter: SearchFilter, terms: ResolvedTerm[], lang: Lang): string[] {
  const parts = [
    ...filter.states.map((s) => t(lang, `state.${s}`)),
    ...filter.steps.map((s) => t(lang, 'search.waitingAt', { stepName: t(lang, `step.${s}`) })),
    ...(filter.overdue ? [t(lang, 'search.overdue')] : []),
    ...(filter.flagged ? [t(lang, 'search.flagged')] : []),
    ...period(
      'search.submitted',
      filter.submittedFrom && dayOf(filter.submittedFrom),
      filter.submittedBefore && addDays(dayOf(filter.submittedBefore), -1),
      lang,
    ),
    ...period('search.active', filter.activeFrom ?? null, filter.activeTo ?? null, lang),
    ...terms.map((term) => {
      switch (term.kind) {
        case 'unit':
          return t(lang, 'search.unit', { unitName: term.name });
        case 'applicant':
          return t(lang, 'search.applicant', { name: term.name });
        case 'tier':
          return tierName(term.tier, lang);
        case 'product':
          return t(lang, 'search.product', { product: term.word });
        case 'activity':
          return t(lang, 'search.activity', { activity: term.word });
        case 'customer':
          return t(lang, 'search.customer', { word: term.word });
        case 'unknown':
          return t(lang, `search.unknown.${term.as}`, { word: term.word });
      }
    }),
  ];
  return parts;
}

/** A period said back: both ends, from a day on, or up to a day (`key`, `key.from`, `key.to`). */
function period(
  key: 'search.submitted' | 'search.active',
  first: LocalDate | null,
  last: LocalDate | null,
  lang: Lang,
): string[] {
  if (first && last) return [t(lang, key, { firstDay: first, lastDay: last })];
  if (first) return [t(lang, `${key}.from`, { firstDay: first })];
  if (last) return [t(lang, `${key}.to`, { lastDay: last })];
  return [];
}

/** The Shanghai day an instant falls on. */
const dayOf = (iso: string): LocalDate => shanghaiDate(new Date(iso));
