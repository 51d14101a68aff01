import type { ApplicationState } from '../../domain/application-state';
import { effectiveEnd } from '../../domain/lifecycle';
import type { LocalDate } from '../../domain/local-date';
import { tierNamesOf, TIER_IDS, type TierId } from '../../domain/policy';
import { APPROVER_ROLES, type StepId } from '../../domain/route';
import type { ApprovalDeps } from '../common/deps';
import { namesFor } from '../common/card-model';
import { actorOf } from '../common/people';
import type { ApplicationQuery } from '../ports/store';
import type { ApplicationRecord } from '../records/application-record';
import { auditEntry } from '../records/audit';
import type { Directory } from '../records/directory';
import { awaitedStepOf, isFlagged } from '../records/list-keys';

/** A page of a search shows this many plans. */
export const SEARCH_PAGE = 10;
/** Plans read from the store at a time while looking for a page's matches. */
const BATCH = 50;

/**
 * What `列表` narrows to. The bot reads the words it knows (states, steps, overdue, flagged, dates);
 * every other word is a `term` the directory, catalog and policy resolve: a unit, a person (the
 * applicant), a tier, a product or activity code, else part of the customer's name or group id.
 */
export interface SearchFilter {
  states: ApplicationState[];
  steps: StepId[];
  overdue: boolean;
  flagged: boolean;
  /** Submitted on or after / before these instants (ISO). */
  submittedFrom: string | null;
  submittedBefore: string | null;
  /** In effect on some day from / to these days (Shanghai dates, inclusive; either may be open). */
  activeFrom?: LocalDate | null;
  activeTo?: LocalDate | null;
  /** Words to guess the meaning of. */
  terms: string[];
  /** Words said to be of one kind (`客户:浦东`, or a field of the filter card): taken as that, never guessed. */
  typed?: { kind: TermKind; word: string }[];
}

/** What a word of a filter may stand for. */
export const TERM_KINDS = ['unit', 'applicant', 'tier', 'product', 'activity', 'customer'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** How the free words were understood, for the list's heading. */
export type ResolvedTerm =
  | { kind: 'unit'; word: string; name: string }
  | { kind: 'applicant'; word: string; name: string }
  | { kind: 'tier'; word: string; tier: TierId }
  | { kind: 'product' | 'activity' | 'customer'; word: string }
  /** A unit, person or tier asked for by name that nobody knows: nothing matches it. */
  | { kind: 'unknown'; as: 'unit' | 'applicant' | 'tier'; word: string };

/** Whose plans a person may list (SPEC §7), widest first. */
export type SearchScope = 'all' | 'involved';

export interface SearchPage {
  records: ApplicationRecord[];
  /** Names of applicants and the people the plans wait on. */
  names: Record<string, string>;
  unitNames: Record<string, string>;
  asOf: string;
  terms: ResolvedTerm[];
  scope: SearchScope;
  /** Where the next page starts, or null: nothing more. */
  next: string | null;
}

/** Plans that took effect (active, or since expired) and were in effect on some day from `from` to `to`. */
function inEffectBetween(r: ApplicationRecord, from: LocalDate | null | undefined, to: LocalDate | null | undefined) {
  if (r.state !== 'active' && r.state !== 'expired') return false;
  const first = `${r.input.startMonth}-01`;
  const last = effectiveEnd(r).lastDay;
  return (!to || first <= to) && (!from || last >= from);
}

const SEES_ALL = ['ops_approver', 'ops_head', 'leader', 'auditor', 'admin'];
const FULFILLED: readonly ApplicationState[] = ['in_fulfillment', 'active', 'expired'];

/** The list's own cursor: the store's cursor a batch started at, and how many of that batch were already looked at. */
const writeCursor = (store: string | null, seen: number) =>
  Buffer.from(JSON.stringify([store, seen])).toString('base64url');
function readCursor(text: string): [string | null, number] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return Array.isArray(value) &&
      (value[0] === null || typeof value[0] === 'string') &&
      Number.isInteger(value[1]) &&
      value[1] >= 0
      ? [value[0], value[1]]
      : null;
  } catch {
    return null;
  }
}

function resolveTerm(
  word: string,
  directory: Directory | null,
  tierNames: ReturnType<typeof tierNamesOf>,
): ResolvedTerm {
  const w = word.toLowerCase();
  const unit = directory?.units.find((u) => u.id === w || u.name.includes(word));
  if (unit) return { kind: 'unit', word, name: unit.name };
  const person = directory?.people.find(
    (p) => p.name === word || p.email.toLowerCase() === w || p.email.toLowerCase().split('@')[0] === w,
  );
  if (person) return { kind: 'applicant', word, name: person.name };
  const tier = TIER_IDS.find(
    (id) => id === w || Object.values(tierNames[id] ?? {}).some((name) => name.toLowerCase() === w),
  );
  if (tier) return { kind: 'tier', word, tier };
  if (/^ACT-/i.test(word)) return { kind: 'activity', word };
  if (/^[A-Z0-9]+(-[A-Z0-9]+)+$/i.test(word)) return { kind: 'product', word };
  return { kind: 'customer', word };
}

/** A word said to be of a kind: a unit, person or tier by id or name (part of it for units and people), else unknown. */
function resolveTyped(
  kind: TermKind,
  word: string,
  directory: Directory | null,
  tierNames: ReturnType<typeof tierNamesOf>,
): ResolvedTerm {
  const w = word.toLowerCase();
  switch (kind) {
    case 'unit': {
      const unit =
        directory?.units.find((u) => u.id === w || u.name === word) ??
        directory?.units.find((u) => u.name.includes(word));
      return unit ? { kind, word, name: unit.name } : { kind: 'unknown', as: kind, word };
    }
    case 'applicant': {
      const person =
        directory?.people.find(
          (p) => p.name === word || p.email.toLowerCase() === w || p.email.toLowerCase().split('@')[0] === w,
        ) ?? directory?.people.find((p) => p.name.includes(word));
      return person ? { kind, word, name: person.name } : { kind: 'unknown', as: kind, word };
    }
    case 'tier': {
      const tier = TIER_IDS.find(
        (id) => id === w || Object.values(tierNames[id] ?? {}).some((name) => name.toLowerCase() === w),
      );
      return tier ? { kind, word, tier } : { kind: 'unknown', as: kind, word };
    }
    default:
      return { kind, word };
  }
}

/** The choices of the filter card: units, tiers by name, the catalog's products and activities. */
export interface SearchChoices {
  units: { id: string; name: string }[];
  tierNames: ReturnType<typeof tierNamesOf>;
  products: { code: string; name: string }[];
  activities: { code: string }[];
}

/** What the filter card offers to choose from. */
export async function searchChoices(deps: Pick<ApprovalDeps, 'store'>): Promise<SearchChoices> {
  const [directory, catalog, policies] = await Promise.all([
    deps.store.directory.get(),
    deps.store.catalogs.current(),
    deps.store.policies.list(),
  ]);
  return {
    units: (directory?.units ?? []).map((u) => ({ id: u.id, name: u.name })),
    tierNames: tierNamesOf(policies.at(-1) ?? null),
    products: (catalog?.products ?? []).map((p) => ({ code: p.code, name: p.name })),
    activities: (catalog?.activities ?? []).map((a) => ({ code: a.code })),
  };
}

/** Which plans a filter selects for a person: what the store narrows, and what is checked on each record it returns. */
export interface SearchSelection {
  query: ApplicationQuery;
  /** Whether the person may see a record the store returned, and it matches the rest of the filter. */
  keeps: (record: ApplicationRecord) => boolean;
  terms: ResolvedTerm[];
  scope: SearchScope;
  directory: Directory | null;
}

/**
 * What a filter selects for a person (SPEC §7): account managers their own; approvers what they decided
 * or hold; ops, leaders, auditors and admins everything; support what is in fulfillment or was
 * fulfilled. The store narrows by what it indexes (state, unit, applicant, submission time); `keeps`
 * checks the rest on each record, as of `now`. Shared by `列表` and `导出`, so both select alike.
 */
export async function searchSelection(
  deps: Pick<ApprovalDeps, 'store'>,
  actor: string,
  filter: SearchFilter,
  now: Date,
): Promise<SearchSelection> {
  const directory = await deps.store.directory.get();
  const roles = directory ? actorOf(directory, actor).roles : [];
  const policy = (await deps.store.policies.list()).at(-1) ?? null;
  const tierNames = tierNamesOf(policy);
  const terms = [
    ...(filter.typed ?? []).map((t) => resolveTyped(t.kind, t.word, directory, tierNames)),
    ...filter.terms.map((word) => resolveTerm(word, directory, tierNames)),
  ];
  const seesAll = roles.some((r) => SEES_ALL.includes(r));
  const isApprover = roles.some((r) => (APPROVER_ROLES as readonly string[]).includes(r));
  const handles = roles.includes('support_handler');

  const idsOf = (kind: 'unit' | 'applicant') =>
    terms.flatMap((t) => {
      if (t.kind !== kind) return [];
      const found =
        kind === 'unit'
          ? directory?.units.filter((u) => u.name === t.name).map((u) => u.id)
          : directory?.people.filter((p) => p.name === t.name).map((p) => p.aadObjectId);
      return found ?? [];
    });
  const units = idsOf('unit');
  const applicants = idsOf('applicant');
  const query: ApplicationQuery = {
    ...(filter.states.length > 0 ? { states: filter.states } : {}),
    ...(units.length > 0 ? { units } : {}),
    // Someone who may see only their own plans is narrowed by the store's index.
    ...(!seesAll && !isApprover && !handles
      ? { applicants: applicants.length > 0 ? applicants.filter((a) => a === actor) : [actor] }
      : applicants.length > 0
        ? { applicants }
        : {}),
    ...(filter.submittedFrom ? { submittedFrom: filter.submittedFrom } : {}),
    ...(filter.submittedBefore ? { submittedBefore: filter.submittedBefore } : {}),
    // The store's own indexes of flags and awaited steps: a page reads the plans it shows, not the store.
    ...(filter.flagged ? { flagged: true } : {}),
    ...(filter.overdue ? { awaitedDueBefore: now.toISOString() } : {}),
    ...(filter.steps.length > 0 ? { awaitedSteps: filter.steps } : {}),
  };

  const maySee = (r: ApplicationRecord) =>
    seesAll ||
    r.input.applicant === actor ||
    (isApprover && r.steps.some((s) => s.assignee === actor || s.delegate === actor || s.decidedBy === actor)) ||
    (isApprover && r.pastRevisions.some((p) => p.steps.some((s) => s.decidedBy === actor))) ||
    (handles && FULFILLED.includes(r.state));
  const matches = (r: ApplicationRecord) => {
    const waiting = awaitedStepOf(r);
    if (filter.steps.length > 0 && !(waiting && filter.steps.includes(waiting.step))) return false;
    if (filter.overdue && !(waiting?.dueAt && waiting.dueAt < now.toISOString())) return false;
    if (filter.flagged && !isFlagged(r)) return false;
    if ((filter.activeFrom || filter.activeTo) && !inEffectBetween(r, filter.activeFrom, filter.activeTo)) return false;
    return terms.every((t) => {
      switch (t.kind) {
        case 'unknown':
          return false;
        case 'unit':
        case 'applicant':
          return true; // narrowed by the store
        case 'tier':
          return r.assessment.tier === t.tier;
        case 'product':
          return r.input.tariffLines.some((l) => l.product.toLowerCase() === t.word.toLowerCase());
        case 'activity':
          return r.input.activity.toLowerCase() === t.word.toLowerCase();
        case 'customer': {
          const w = t.word.toLowerCase();
          return r.input.customer.name.toLowerCase().includes(w) || r.input.customer.groupId.toLowerCase().includes(w);
        }
      }
    });
  };

  return {
    query,
    keeps: (r) => maySee(r) && matches(r),
    terms,
    scope: seesAll ? 'all' : 'involved',
    directory,
  };
}

/**
 * `列表`: the plans a person may see that match the filter (see searchSelection), newest first,
 * SEARCH_PAGE at a time; a page never reads everything. Audited as a view, with the filter.
 */
export async function searchApplications(
  deps: ApprovalDeps,
  actor: string,
  filter: SearchFilter,
  cursor: string | null = null,
): Promise<SearchPage> {
  const now = deps.clock.now();
  const { query, keeps, terms, scope, directory } = await searchSelection(deps, actor, filter, now);

  const start: [string | null, number] | null = cursor ? readCursor(cursor) : [null, 0];
  const found: ApplicationRecord[] = [];
  let next: string | null = null;
  if (start) {
    let [storeCursor, skip] = start;
    for (;;) {
      const batch = await deps.store.applications.page(query, BATCH, storeCursor);
      const records = batch.records;
      let i = skip;
      for (; i < records.length && found.length < SEARCH_PAGE; i += 1) {
        const r = records[i] as ApplicationRecord;
        if (keeps(r)) found.push(r);
      }
      if (found.length === SEARCH_PAGE) {
        next = i < records.length ? writeCursor(storeCursor, i) : batch.next ? writeCursor(batch.next, 0) : null;
        break;
      }
      if (!batch.next) break;
      storeCursor = batch.next;
      skip = 0;
    }
  }
  await deps.store.audit.append([
    auditEntry(now, actor, 'list', 'applications', null, {
      filter,
      cursor,
      shown: found.map((r) => r.id),
    }),
  ]);
  return {
    records: found,
    names: namesFor(found, directory),
    unitNames: Object.fromEntries((directory?.units ?? []).map((u) => [u.id, u.name])),
    asOf: now.toISOString(),
    terms,
    scope,
    next,
  };
}
