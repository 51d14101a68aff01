import type { ResolvedTerm, SearchFilter } from '../../app/use-cases';
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
const RANGE = /^(\d{4}-\d{2}-\d{2})(?:~|\.\.|至|to)(\d{4}-\d{2}-\d{2})$/;

/**
 * `列表` words as a filter: states, the step a plan waits at, 逾期 / overdue, 预警 / flagged, a month
 * (2026-11) or a range of days (2026-11-01~2026-11-15) of submission; every other word is left for
 * the directory, catalog and policy to resolve (unit, applicant, tier, product, activity, customer).
 */
export function searchFilterOf(words: string): SearchFilter {
  const filter: SearchFilter = {
    states: [],
    steps: [],
    overdue: false,
    flagged: false,
    submittedFrom: null,
    submittedBefore: null,
    terms: [],
  };
  const period = (from: LocalDate, lastDay: LocalDate) => {
    filter.submittedFrom = shanghaiInstant(from).toISOString();
    filter.submittedBefore = shanghaiInstant(addDays(lastDay, 1)).toISOString();
  };
  for (const word of words.split(/\s+/).filter(Boolean).slice(0, 12)) {
    const w = norm(word);
    const state = STATE_WORDS.get(w);
    const step = STEP_WORDS.get(w);
    const month = MONTH.exec(w);
    const range = RANGE.exec(w);
    if (state) filter.states.push(state);
    else if (step) filter.steps.push(step);
    else if (OVERDUE.has(w)) filter.overdue = true;
    else if (FLAGGED.has(w)) filter.flagged = true;
    else if (month && isLocalDate(`${w}-01`)) {
      const first = `${w}-01`;
      period(first, addDays(`${addMonths(w as Month, 1)}-01`, -1));
    } else if (range && isLocalDate(range[1] ?? '') && isLocalDate(range[2] ?? ''))
      period(range[1] as LocalDate, range[2] as LocalDate);
    else if (isLocalDate(w)) period(w, w);
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
    ...(filter.submittedFrom && filter.submittedBefore
      ? [
          t(lang, 'search.submitted', {
            firstDay: dayOf(filter.submittedFrom),
            lastDay: addDays(dayOf(filter.submittedBefore), -1),
          }),
        ]
      : []),
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
      }
    }),
  ];
  return parts;
}

/** The Shanghai day an instant falls on. */
const dayOf = (iso: string): LocalDate => shanghaiDate(new Date(iso));
