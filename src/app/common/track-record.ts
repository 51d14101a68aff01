import { overlappingPlans, type OtherPlan } from '../../domain/overlap';
import { APPROVER_ROLES } from '../../domain/route';
import type { Actor } from '../../domain/workflow';
import type { ApplicationRecord } from '../records/application-record';
import type { TrackRecord, TrackedPlan } from '../records/track-record';
import type { Store } from '../ports/store';

/* The customer's track record (app/records/track-record.ts), worked out from the store. */

/** How many of the customer's other plans the card lists (newest first); the rest are counted (a card has to fit in 28 KB). */
export const TRACK_RECORD_ROWS = 5;
/** How many of the latest plans that took effect on the activity its figures are taken over. */
export const ACTIVITY_SAMPLE = 20;

/** An application as overlap judges it: content, state, early end and contract value as judged. */
export const otherPlanOf = (record: ApplicationRecord): OtherPlan => ({
  id: record.id,
  state: record.state,
  input: record.input,
  endsEarly: record.endsEarly ?? null,
  standardFen: record.assessment.economics?.standardFen ?? null,
});

/** Whoever decides on plans, or audits them, sees a customer's track record; an applicant and support do not. */
export const seesTrackRecord = (actor: Actor): boolean =>
  actor.roles.some((r) => (APPROVER_ROLES as readonly string[]).includes(r) || r === 'auditor');

/** Plans' spot-check findings, from their audit entries, read in one go. */
async function findingsOf(store: Store, ids: readonly string[]): Promise<Map<string, TrackedPlan['findings']>> {
  const findings = new Map<string, TrackedPlan['findings']>(ids.map((id) => [id, { checked: 0, issues: 0 }]));
  for (const entry of await store.audit.aboutEach(ids, ['spot_check.finding'])) {
    const found = findings.get(entry.subject);
    if (!found) continue;
    const result = (entry.after as { result?: unknown } | null)?.result;
    findings.set(entry.subject, { checked: found.checked + 1, issues: found.issues + (result === 'issue' ? 1 : 0) });
  }
  return findings;
}

const evaluationOf = (record: ApplicationRecord): TrackedPlan['evaluation'] => {
  const last = record.evaluations.at(-1);
  return last ? (last.flagged ? 'flagged' : 'on_pace') : null;
};

/**
 * The track record of an application's customer and activity: two indexed queries (the customer's plans,
 * the activity's latest plans that took effect) and the findings of the plans shown.
 */
export async function trackRecordOf(store: Store, record: ApplicationRecord): Promise<TrackRecord> {
  const [customer, activity] = await Promise.all([
    store.applications.page({ customers: [record.input.customer.groupId] }, 50),
    store.applications.page(
      { activities: [record.input.activity], states: ['active', 'expired'] },
      ACTIVITY_SAMPLE + 1,
    ),
  ]);
  const others = customer.records.filter((r) => r.id !== record.id);
  const listed = others.slice(0, TRACK_RECORD_ROWS);
  const sample = activity.records.filter((r) => r.id !== record.id).slice(0, ACTIVITY_SAMPLE);
  const findings = await findingsOf(store, [...new Set([...listed, ...sample].map((r) => r.id))]);
  return {
    plans: listed.map((r) => ({
      id: r.id,
      state: r.state,
      tier: r.assessment.tier,
      discountDepthBp: r.assessment.economics?.discountDepthBp ?? null,
      startMonth: r.input.startMonth,
      termMonths: r.input.termMonths,
      evaluation: evaluationOf(r),
      findings: findings.get(r.id) ?? { checked: 0, issues: 0 },
    })),
    more: others.length - listed.length,
    activity: {
      activity: record.input.activity,
      plans: sample.length,
      flagged: sample.filter((r) => r.evaluations.some((e) => e.flagged)).length,
      withIssues: sample.filter((r) => (findings.get(r.id)?.issues ?? 0) > 0).length,
    },
    overlaps: overlappingPlans(record.input, others.map(otherPlanOf), record.id),
  };
}
