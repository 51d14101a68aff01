import { findActivity, type CatalogContent, type CatalogProduct, type LineKind } from '../../domain/catalog';
import { kindsUsed } from '../../domain/intake-checks';
import { shanghaiDate } from '../../domain/local-date';
import { tierNamesOf, type TierNames } from '../../domain/policy';
import { inputChanges, lastSeenRevision, type InputChange } from '../../domain/revision-changes';
import { maySeeDetails } from '../../domain/confidentiality';
import { evaluationPeriod, evaluationsOutstanding } from '../../domain/evaluation-period';
import { DEFAULT_LIFECYCLE } from '../../domain/lifecycle';
import type { PolicyContent } from '../../domain/policy';
import { availableActions, awaitedStep, type Actor, type CaseAction } from '../../domain/workflow';
import type { ApprovalDeps } from './deps';
import { caseOf } from './load-case';
import { actorOf, nameOf } from './people';
import { personKey } from '../ports/conversation-keys';
import type { TrackRecord } from '../records/track-record';
import { seesTrackRecord, trackRecordOf } from './track-record';
import type { ApplicationRecord } from '../records/application-record';
import type { Directory } from '../records/directory';

/**
 * Everything an application's card shows one viewer, read in one go: the record, the names of the
 * people and unit it mentions, the products it was judged on, who its copies refresh for, and the
 * viewer's buttons. Cards render from this alone, never from the store.
 */
export interface CardModel {
  record: ApplicationRecord;
  /** When it was read (ISO 8601), by PlanDesk's clock: dates on the card are read against it (the year when it differs). */
  asOf: string;
  /** Who it is shown to; null for a channel. */
  viewer: Actor | null;
  /**
   * Whether the viewer may see the plan's figures (SPEC §7, 第十条(三)); a channel and anyone not on
   * the plan see its number, unit, status and deadline only.
   */
  detailed: boolean;
  unitName: string;
  /** Display names by AAD object id of everyone the card mentions; an unknown id is its own name. */
  names: Record<string, string>;
  /** The products of the plan as the catalog it was judged on has them, by code (detailed cards only). */
  products: Record<string, CatalogProduct>;
  /** Teams ids (MRI) whose copies refresh to their own view: the awaited step's approver and delegate. */
  refreshUserIds: string[];
  /** What the viewer may do now: the card's buttons. */
  actions: CaseAction[];
  /** The display names of the tiers of the policy the plan was judged on (detailed cards only). */
  tierNames: TierNames;
  /**
   * For a revised plan, what changed since the revision the viewer last had before them as an
   * approver (the applicant: since the previous revision); null when there is nothing to compare.
   */
  changedSince: { revision: number; changes: InputChange[] } | null;
  /** The evaluation period the applicant is asked to report on now, if any (detailed cards only). */
  evaluation: EvaluationAsked | null;
  /** The catalog and policy versions it was judged on, with their dates (detailed cards only). */
  judgedOn: {
    catalogVersion: number;
    catalogDate: string | null;
    policyVersion: number;
    policyFrom: string | null;
  } | null;
  /** The kinds of adjustment its activity does not define that its pre-consultation made allowed (第十条(二)). */
  unlocked: LineKind[];
  /** Whether the policy it was judged on pauses a step's deadline while a question to the applicant is open. */
  pausesWhileAsking: boolean;
  /** The customer's track record and overlapping plans, for approvers and auditors (never in channels); else null. */
  trackRecord: TrackRecord | null;
}

/** The period an evaluation is asked for: its months, and how many periods are outstanding with it. */
export interface EvaluationAsked {
  period: number;
  firstMonth: string;
  lastMonth: string;
  /** Periods due and not reported, this one included (more than one when reports fell behind). */
  outstanding: number;
}

/** What a revised plan changed for one viewer: since the revision they last decided on, or for the applicant the previous one. */
export function changesFor(record: ApplicationRecord, viewer: string): CardModel['changedSince'] {
  const seen =
    lastSeenRevision(record.pastRevisions, viewer) ??
    (viewer === record.input.applicant ? (record.pastRevisions.at(-1) ?? null) : null);
  return seen ? { revision: seen.revision, changes: inputChanges(seen.input, record.input) } : null;
}

/** Whether a person may see an application's figures (SPEC §7). */
export function maySee(record: ApplicationRecord, actor: Actor): boolean {
  return maySeeDetails(
    {
      applicant: record.input.applicant,
      steps: record.steps,
      pastSteps: record.pastRevisions.flatMap((r) => r.steps),
      inFulfillment: record.fulfillment !== null,
    },
    actor,
  );
}

/** Everyone an application's card may name: applicant, approvers and deciders of every step, history actors, the handler. */
export function namesFor(records: readonly ApplicationRecord[], directory: Directory | null): Record<string, string> {
  const ids = new Set<string>();
  for (const r of records) {
    ids.add(r.input.applicant);
    for (const s of r.steps) for (const id of [s.assignee, s.delegate, s.decidedBy]) if (id) ids.add(id);
    for (const h of r.history) ids.add(h.actor);
    for (const q of r.questions) for (const id of [q.askedBy, q.answeredBy]) if (id) ids.add(id);
    if (r.fulfillment?.doneBy) ids.add(r.fulfillment.doneBy);
  }
  return Object.fromEntries([...ids].map((id) => [id, directory ? nameOf(directory, id) : id]));
}

/** A unit's name as the directory has it, or its id. */
export const unitNameOf = (directory: Directory | null, unit: string): string =>
  directory?.units.find((u) => u.id === unit)?.name ?? unit;

/** The card model of an application for a viewer (a person's AAD id, or null for a channel). */
export async function cardModel(
  deps: Pick<ApprovalDeps, 'store' | 'clock' | 'calendar'>,
  record: ApplicationRecord,
  viewer: string | null,
): Promise<CardModel> {
  const { store } = deps;
  const directory = await store.directory.get();
  const actor = viewer && directory ? actorOf(directory, viewer) : viewer ? { id: viewer, roles: [] } : null;
  const detailed = actor !== null && maySee(record, actor);
  const base = {
    record,
    asOf: deps.clock.now().toISOString(),
    viewer: actor,
    detailed,
    unitName: unitNameOf(directory, record.input.unit),
    names: namesFor([record], directory),
  };
  if (!detailed)
    return {
      ...base,
      products: {},
      refreshUserIds: [],
      actions: [],
      tierNames: {},
      changedSince: null,
      evaluation: null,
      judgedOn: null,
      unlocked: [],
      pausesWhileAsking: false,
      trackRecord: null,
    };
  const awaited = record.state === 'in_review' ? awaitedStep(record) : null;
  const deciders = awaited
    ? [awaited.step.assignee, awaited.step.delegate].filter((id): id is string => id !== null)
    : [];
  const [catalog, policy, trackRecord, ...chats] = await Promise.all([
    store.catalogs.get(record.catalogVersion),
    store.policies.get(record.policyVersion),
    seesTrackRecord(actor) ? trackRecordOf(store, record) : null,
    ...deciders.map((id) => store.conversations.get(personKey(id))),
  ]);
  const codes = new Set(record.input.tariffLines.map((l) => l.product));
  return {
    ...base,
    products: Object.fromEntries((catalog?.products ?? []).filter((p) => codes.has(p.code)).map((p) => [p.code, p])),
    refreshUserIds: chats.flatMap((c) => (c?.userMri ? [c.userMri] : [])),
    actions: availableActions(caseOf(record), actor),
    tierNames: tierNamesOf(policy),
    changedSince: changesFor(record, actor.id),
    evaluation: evaluationAsked(deps, record, policy),
    judgedOn: {
      catalogVersion: record.catalogVersion,
      catalogDate: catalog ? shanghaiDate(new Date(catalog.importedAt)) : null,
      policyVersion: record.policyVersion,
      policyFrom: policy?.effectiveFrom ?? null,
    },
    unlocked: unlockedKinds(record, catalog),
    pausesWhileAsking: (policy?.lifecycle ?? DEFAULT_LIFECYCLE).pauseDeadlineWhileAsking,
    trackRecord,
  };
}

/** What a pre-consultation reference lifted: the kinds the plan uses that its activity does not define. */
function unlockedKinds(record: ApplicationRecord, catalog: CatalogContent | null): LineKind[] {
  const activity = catalog ? findActivity(catalog, record.input.activity) : undefined;
  if (!catalog || !activity || !record.input.preConsultationRef?.trim()) return [];
  return kindsUsed(record.input, catalog).filter((kind) => !activity.allowedKinds.includes(kind));
}

/** The period an active plan's applicant is asked to report on, with its months (SPEC §6, 第九条(三)). */
function evaluationAsked(
  deps: Pick<ApprovalDeps, 'clock' | 'calendar'>,
  record: ApplicationRecord,
  policy: PolicyContent | null,
): EvaluationAsked | null {
  if (record.state !== 'active' || record.evaluationDue === null) return null;
  const settings = policy?.lifecycle ?? DEFAULT_LIFECYCLE;
  const asked = evaluationPeriod(record, settings, deps.calendar, record.evaluationDue);
  if (!asked) return null;
  const due = evaluationsOutstanding(record, settings, deps.calendar, asked.period - 1, deps.clock.now());
  const { period, firstMonth, lastMonth } = asked;
  return { period, firstMonth, lastMonth, outstanding: Math.max(due.length, 1) };
}
