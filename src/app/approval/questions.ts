import { DEFAULT_LIFECYCLE } from '../../domain/lifecycle';
import { answer, ask } from '../../domain/questions';
import type { Result } from '../../domain/result';
import { commitChange, policyOf } from '../common/commit';
import type { ApprovalDeps } from '../common/deps';
import { caseOf, loadCaseFor, withCase } from '../common/load-case';
import { messagesFor, person } from '../common/outbox-messages';
import { nameOf } from '../common/people';
import { refused } from '../common/refuse';
import type { ApplicationRecord } from '../records/application-record';
import type { ActError } from './applicant-actions';

export interface AskCommand {
  applicationId: string;
  /** The revision and step the approver's card showed. */
  revision: number;
  stepIndex: number;
  text: string;
  actor: string;
}

export interface AnswerCommand {
  applicationId: string;
  /** The revision, step and question the applicant's card showed. */
  revision: number;
  stepIndex: number;
  question: number;
  text: string;
  actor: string;
}

/** Someone saved in between (another tap, another instance): judge again on what they saved. */
async function retried<T>(once: () => Promise<Result<T, ActError>>, attempts = 3): Promise<Result<T, ActError>> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await once();
    if (result.ok || result.error.code !== 'stale_version' || attempt >= attempts) return result;
  }
}

/**
 * The approver of a step asks the applicant a question (询问) without returning the plan: the step
 * stays with them. The applicant is told, quoting it, and gets the card to answer on; every copy
 * refreshes; the history and the audit trail keep the question. A refused attempt is audited too.
 */
export function askQuestion(deps: ApprovalDeps, cmd: AskCommand): Promise<Result<ApplicationRecord, ActError>> {
  return retried(async () => {
    const loaded = await loadCaseFor(deps, cmd.applicationId, cmd.actor);
    if (!loaded.ok) return loaded;
    const { record, directory, actor } = loaded.value;
    const now = deps.clock.now();
    const asked = ask(caseOf(record), { ...cmd, actor, at: now });
    if (!asked.ok)
      return refused(
        deps,
        now,
        cmd.actor,
        record.id,
        { ...asked.error, record },
        { action: 'ask', revision: cmd.revision, stepIndex: cmd.stepIndex, length: cmd.text.trim().length },
      );
    const { next, question } = asked.value;
    const step = record.steps[cmd.stepIndex]?.step ?? 'ops_review';
    const send = messagesFor(deps, now, record.id);
    const applicant = person(record.input.applicant);
    return commitChange(deps, now, record, withCase(record, next), {
      actor: cmd.actor,
      history: { action: `${step}.asked`, comment: question.text },
      audit: { action: 'question.ask', before: null, after: question },
      outbox: [
        send.refresh(),
        send.text(applicant, 'notice.asked', { step, who: nameOf(directory, cmd.actor), question: question.text }),
        send.card(applicant),
      ],
    });
  });
}

/**
 * The applicant answers the question open on a step: the step stays with its approver, who is told,
 * quoting the answer (the asker, and the step's approver when the step has changed hands since); every
 * copy refreshes; the history and the audit trail keep the answer. When the policy pauses deadlines
 * while asking, the step's deadline moves out by the working time the question was open (its
 * reminders with it) and the notice names the new deadline. A refused attempt is audited too.
 */
export function answerQuestion(deps: ApprovalDeps, cmd: AnswerCommand): Promise<Result<ApplicationRecord, ActError>> {
  return retried(async () => {
    const loaded = await loadCaseFor(deps, cmd.applicationId, cmd.actor);
    if (!loaded.ok) return loaded;
    const { record, directory, actor } = loaded.value;
    const now = deps.clock.now();
    const policy = await policyOf(deps, record);
    const pause = (policy.lifecycle ?? DEFAULT_LIFECYCLE).pauseDeadlineWhileAsking ? deps.calendar : null;
    const answered = answer(caseOf(record), { ...cmd, actor, at: now }, pause);
    if (!answered.ok)
      return refused(
        deps,
        now,
        cmd.actor,
        record.id,
        { ...answered.error, record },
        {
          action: 'answer',
          revision: cmd.revision,
          stepIndex: cmd.stepIndex,
          question: cmd.question,
          length: cmd.text.trim().length,
        },
      );
    const { next, question, movedDeadline } = answered.value;
    const step = record.steps[cmd.stepIndex];
    const send = messagesFor(deps, now, record.id);
    const told = [...new Set([question.askedBy, step?.assignee ?? question.askedBy])];
    const params = {
      step: step?.step ?? 'ops_review',
      who: nameOf(directory, cmd.actor),
      answer: question.answer ?? '',
      ...(movedDeadline ? { due: movedDeadline.to } : {}),
    };
    return commitChange(
      deps,
      now,
      record,
      withCase(record, next),
      {
        actor: cmd.actor,
        history: { action: `${params.step}.answered`, comment: question.answer },
        audit: {
          action: 'question.answer',
          before: record.questions[cmd.question] ?? null,
          after: movedDeadline ? { ...question, dueAt: movedDeadline } : question,
        },
        outbox: [
          send.refresh(),
          ...told.map((id) =>
            send.text(person(id), movedDeadline ? 'notice.answered_moved' : 'notice.answered', params),
          ),
        ],
      },
      policy,
    );
  });
}
