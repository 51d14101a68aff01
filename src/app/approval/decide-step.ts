import type { Decision } from '../../domain/approval-step';
import { fail, ok, type Result } from '../../domain/result';
import { decide, type DecisionOutcome, type Refusal } from '../../domain/workflow';
import type { ApplicationRecord } from '../records/application-record';
import { auditEntry } from '../records/audit';
import { actorOf } from '../common/people';
import type { OutboxMessage, StaleVersion } from '../ports/store';
import { workflowEnv } from '../common/workflow-env';
import { jobsFor } from '../common/jobs-for';
import type { ApprovalDeps } from '../common/deps';
import { caseOf, loadCase, withCase, type CaseError } from '../common/load-case';
import { channel, messagesFor, person } from '../common/outbox-messages';

export interface DecideCommand {
  applicationId: string;
  revision: number;
  stepIndex: number;
  decision: Decision;
  comment: string | null;
  actor: string;
}

/** A refusal comes with the application as it stands, so the card can show the current state. */
export type DecideError = CaseError | StaleVersion | { code: 'no_policy' } | (Refusal & { record: ApplicationRecord });

/**
 * An approver decides a step (第十二条). The decision, its history line, audit row and every
 * notification it causes commit together; a refused attempt is audited too.
 */
export async function decideStep(deps: ApprovalDeps, cmd: DecideCommand): Promise<Result<{ record: ApplicationRecord; outcome: DecisionOutcome }, DecideError>> {
  // Someone saved in between (another tap, another instance): judge again on what they saved, so the
  // loser of a race hears why — usually that the step is already decided — rather than "try again".
  for (let attempt = 1; ; attempt += 1) {
    const result = await decideOnce(deps, cmd);
    if (result.ok || result.error.code !== 'stale_version' || 'record' in result.error || attempt >= 3) return result;
  }
}

async function decideOnce(deps: ApprovalDeps, cmd: DecideCommand): Promise<Result<{ record: ApplicationRecord; outcome: DecisionOutcome }, DecideError>> {
  const loaded = await loadCase(deps, cmd.applicationId);
  if (!loaded.ok) return loaded;
  const { record, directory } = loaded.value;
  const policy = await deps.store.policies.get(record.policyVersion);
  if (!policy) return fail({ code: 'no_policy' });
  const now = deps.clock.now();
  const decided = decide(caseOf(record), { ...cmd, actor: actorOf(directory, cmd.actor), at: now }, workflowEnv(policy, deps.calendar, directory));
  if (!decided.ok) {
    await deps.store.audit.append([auditEntry(now, cmd.actor, `refused.${decided.error.code}`, record.id, null, { decision: cmd.decision, revision: cmd.revision, stepIndex: cmd.stepIndex })]);
    return fail({ ...decided.error, record });
  }
  const { next, outcome } = decided.value;
  const at = now.toISOString();
  const comment = cmd.comment?.trim() || undefined;
  const history = [...record.history, { at, actor: cmd.actor, action: `${record.steps[cmd.stepIndex]?.step}.${cmd.decision}`, revision: record.revision, ...(comment ? { comment } : {}) }];
  const updated: ApplicationRecord = { ...withCase(record, next, now), history };
  const saved = await deps.store.applications.update(updated, record.version, [auditEntry(now, cmd.actor, `decide.${cmd.decision}`, record.id, caseOf(record), next)], outboxFor(deps, now, updated, outcome), jobsFor(updated, policy, deps.calendar));
  return saved.ok ? ok({ record: saved.value, outcome }) : saved;
}

/** Who hears of a decision: every copy is refreshed; the next approver, the applicant and the implementers are told. */
function outboxFor(deps: ApprovalDeps, now: Date, record: ApplicationRecord, outcome: DecisionOutcome): OutboxMessage[] {
  const send = messagesFor(deps, now, record.id);
  const applicant = person(record.input.applicant);
  const messages = [send.refresh()];
  const pending = record.steps.find((s) => s.status === 'pending');
  switch (outcome) {
    case 'advanced':
    case 'escalated':
      if (pending) messages.push(send.card(person(pending.assignee)), send.text(applicant, `notice.${outcome}`, { step: pending.step }));
      break;
    case 'approved':
      // 第十二条: the applicant is answered, the implementing departments copied, support carries it out.
      messages.push(send.text(applicant, 'notice.approved'), send.card(channel('support')), send.card(channel(`unit:${record.input.unit}`)));
      break;
    case 'rejected':
    case 'returned':
      messages.push(send.text(applicant, `notice.${outcome}`));
      break;
  }
  return messages;
}
