import { handOver } from '../../domain/workflow';
import { fail, type Result } from '../../domain/result';
import { commitChange } from '../common/commit';
import type { ApprovalDeps } from '../common/deps';
import { caseOf, loadCaseFor, withCase } from '../common/load-case';
import { messagesFor, person } from '../common/outbox-messages';
import { nameOf, personOf } from '../common/people';
import { refused } from '../common/refuse';
import type { ApplicationRecord } from '../records/application-record';
import type { ActError } from './applicant-actions';

/** Which open step changes hands, as the card or list row showed it, and to whom (a take-over: the actor). */
export interface HandOverCommand {
  applicationId: string;
  revision: number;
  stepIndex: number;
  actor: string;
  how: 'take_over' | 'reassign';
  /**
   * Who had the step when the row was shown: if it has changed hands since, the row is stale — so of
   * two colleagues taking over at once exactly one does, and the other is told, not handed it next.
   */
  from: string;
  /** Reassign only: the person the ops head hands the step to. */
  to?: string;
}

/**
 * An open step changes hands (approver pools): a colleague with its role takes it over (认领), or
 * the ops head hands it to someone with the role (转交). Its deadline stays; its reminders move with
 * it (the jobs are derived anew in the same commit). Every copy of the card is refreshed, the former
 * approver is told who has it now, and the new one gets the card. Audited, refusals too.
 */
export async function handOverStep(
  deps: ApprovalDeps,
  cmd: HandOverCommand,
): Promise<Result<ApplicationRecord, ActError>> {
  const loaded = await loadCaseFor(deps, cmd.applicationId, cmd.actor);
  if (!loaded.ok) return loaded;
  const { record, directory, actor } = loaded.value;
  const now = deps.clock.now();
  const toId = cmd.how === 'take_over' ? cmd.actor : (cmd.to ?? '');
  const target = personOf(directory, toId);
  const step = record.steps[cmd.stepIndex];
  const moved =
    cmd.revision !== record.revision || !step || step.assignee !== cmd.from
      ? fail({ code: 'stale_card' as const })
      : handOver(
          caseOf(record),
          cmd.stepIndex,
          actor,
          { id: toId, roles: target?.roles ?? [], delegate: target?.delegate ?? null },
          cmd.how,
        );
  if (!moved.ok)
    return refused(deps, now, cmd.actor, record.id, { ...moved.error, record }, { action: cmd.how, to: toId });
  const from = step?.assignee ?? '';
  const send = messagesFor(deps, now, record.id);
  const names = { who: nameOf(directory, toId), by: nameOf(directory, cmd.actor) };
  const pending = step?.status === 'pending';
  return commitChange(deps, now, record, withCase(record, moved.value), {
    actor: cmd.actor,
    history: {
      action: `${step?.step ?? 'ops_review'}.${cmd.how === 'take_over' ? 'taken_over' : 'reassigned'}`,
      comment: `${nameOf(directory, from)} → ${names.who}`,
    },
    audit: {
      action: cmd.how === 'take_over' ? 'step.take_over' : 'step.reassign',
      before: { step: cmd.stepIndex, assignee: from },
      after: { step: cmd.stepIndex, assignee: toId },
    },
    outbox: [
      send.refresh(),
      send.text(person(from), cmd.how === 'take_over' ? 'notice.taken_over' : 'notice.reassigned_away', {
        step: step?.step ?? '',
        who: names.who,
        by: names.by,
      }),
      // The new approver gets the card now if the step waits on them; a later step reaches them in its turn.
      ...(pending ? [send.card(person(toId))] : []),
      ...(cmd.how === 'reassign' && pending
        ? [send.text(person(toId), 'notice.reassigned_to_you', { step: step?.step ?? '', by: names.by })]
        : []),
    ],
  });
}
