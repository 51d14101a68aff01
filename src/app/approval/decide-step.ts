import { shanghaiDate } from '../../domain/local-date';
import type { Decision } from '../../domain/approval-step';
import { ok, type Result } from '../../domain/result';
import { decide, type DecisionOutcome, type Refusal as WorkflowRefusal } from '../../domain/workflow';
import { commitChange, policyOf } from '../common/commit';
import type { ApprovalDeps } from '../common/deps';
import { caseOf, loadCaseFor, withCase } from '../common/load-case';
import { channel, messagesFor, person } from '../common/outbox-messages';
import { refused } from '../common/refuse';
import { nameOf } from '../common/people';
import { workflowEnv } from '../common/workflow-env';
import type { ApplicationRecord } from '../records/application-record';
import type { Refusal } from '../records/refusal';
import type { OutboxMessage } from '../ports/store';

export interface DecideCommand {
  applicationId: string;
  revision: number;
  stepIndex: number;
  decision: Decision;
  comment: string | null;
  actor: string;
}

/** A refusal comes with the application as it stands, so the card can show the current state. */
export type DecideError = Refusal | (WorkflowRefusal & { record: ApplicationRecord });

/**
 * An approver decides a step (第十二条). The decision, its history line, audit row and every
 * notification it causes commit together; a refused attempt is audited too.
 */
export async function decideStep(
  deps: ApprovalDeps,
  cmd: DecideCommand,
): Promise<Result<{ record: ApplicationRecord; outcome: DecisionOutcome }, DecideError>> {
  // Someone saved in between (another tap, another instance): judge again on what they saved, so the
  // loser of a race hears why — usually that the step is already decided — rather than "try again".
  for (let attempt = 1; ; attempt += 1) {
    const result = await decideOnce(deps, cmd);
    if (result.ok || result.error.code !== 'stale_version' || attempt >= 3) return result;
  }
}

async function decideOnce(
  deps: ApprovalDeps,
  cmd: DecideCommand,
): Promise<Result<{ record: ApplicationRecord; outcome: DecisionOutcome }, DecideError>> {
  const loaded = await loadCaseFor(deps, cmd.applicationId, cmd.actor);
  if (!loaded.ok) return loaded;
  const { record, directory, actor } = loaded.value;
  const policy = await policyOf(deps, record);
  const now = deps.clock.now();
  // An escalation adds a step: it goes to the least loaded leader covering the unit.
  const pools = {
    unit: record.input.unit,
    openSteps: await deps.store.applications.openSteps(),
    today: shanghaiDate(now),
  };
  const decided = decide(
    caseOf(record),
    { ...cmd, actor, at: now },
    workflowEnv(policy, deps.calendar, directory, pools),
  );
  if (!decided.ok) {
    return refused(
      deps,
      now,
      cmd.actor,
      record.id,
      { ...decided.error, record },
      { decision: cmd.decision, revision: cmd.revision, stepIndex: cmd.stepIndex },
    );
  }
  const { next, outcome } = decided.value;
  const step = record.steps[cmd.stepIndex]?.step ?? 'ops_review';
  const updated = withCase(record, next);
  const saved = await commitChange(
    deps,
    now,
    record,
    updated,
    {
      actor: cmd.actor,
      history: { action: `${step}.${cmd.decision}`, comment: cmd.comment },
      audit: { action: `decide.${cmd.decision}`, before: caseOf(record), after: next },
      // The applicant's notice of a return or rejection carries who decided and their words (the card has them too).
      outbox: outboxFor(deps, now, updated, outcome, {
        step,
        who: directory ? nameOf(directory, cmd.actor) : cmd.actor,
        comment: cmd.comment ?? '',
      }),
    },
    policy,
  );
  return saved.ok ? ok({ record: saved.value, outcome }) : saved;
}

/** Who hears of a decision: every copy is refreshed; the next approver, the applicant and the implementers are told. */
function outboxFor(
  deps: ApprovalDeps,
  now: Date,
  record: ApplicationRecord,
  outcome: DecisionOutcome,
  decision: { step: string; who: string; comment: string },
): OutboxMessage[] {
  const send = messagesFor(deps, now, record.id);
  const applicant = person(record.input.applicant);
  const messages = [send.refresh()];
  const pending = record.steps.find((s) => s.status === 'pending');
  switch (outcome) {
    case 'advanced':
    case 'escalated':
      if (pending)
        messages.push(
          send.card(person(pending.assignee)),
          send.text(applicant, `notice.${outcome}`, { step: pending.step }),
        );
      break;
    case 'approved':
      // 第十二条: the applicant is answered, the implementing departments copied, support carries it out.
      messages.push(
        send.text(applicant, 'notice.approved'),
        send.card(channel('support')),
        send.card(channel(`unit:${record.input.unit}`)),
      );
      break;
    case 'rejected':
    case 'returned':
      messages.push(send.text(applicant, `notice.${outcome}`, decision));
      break;
  }
  return messages;
}
