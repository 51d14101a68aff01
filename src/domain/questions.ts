import type { ApprovalStep } from './approval-step';
import type { WorkingCalendar } from './business-days';
import { refusalOf, type Actor, type Case, type Refusal } from './case-guards';
import { fail, ok, type Result } from './result';
import {
  openQuestionIndex,
  pausedDeadline,
  QUESTION_MAX_LENGTH,
  textProblem,
  type QuestionPart,
  type StepQuestion,
} from './step-question';

/** The words of a question or an answer refused, if they are empty or too long. */
function wordsRefusal(text: string, what: QuestionPart): Refusal | null {
  const problem = textProblem(text);
  if (!problem) return null;
  return problem.problem === 'required'
    ? { code: 'text_required', what }
    : { code: 'text_too_long', what, max: QUESTION_MAX_LENGTH, length: problem.length };
}

export interface AskCommand {
  /** What the card was showing: the revision and step it was made for. */
  revision: number;
  stepIndex: number;
  actor: Actor;
  text: string;
  at: Date;
}

/**
 * The approver of a step asks the applicant something (询问) instead of returning the plan: the step
 * stays with them, pending, its deadline as it was; one question is open on a step at a time.
 */
export function ask(c: Case, cmd: AskCommand): Result<{ next: Case; question: StepQuestion }, Refusal> {
  if (cmd.revision !== c.revision) return fail({ code: 'stale_card' });
  const refused = refusalOf(c, cmd.actor, 'ask', cmd.stepIndex) ?? wordsRefusal(cmd.text, 'question');
  if (refused) return fail(refused);
  const question: StepQuestion = {
    revision: c.revision,
    stepIndex: cmd.stepIndex,
    askedBy: cmd.actor.id,
    askedAt: cmd.at.toISOString(),
    text: cmd.text.trim(),
    answer: null,
    answeredBy: null,
    answeredAt: null,
    closedAt: null,
  };
  return ok({ next: { ...c, questions: [...c.questions, question] }, question });
}

export interface AnswerCommand {
  /** What the card was showing: the revision, the step and the question (its index among the case's). */
  revision: number;
  stepIndex: number;
  question: number;
  actor: Actor;
  text: string;
  at: Date;
}

/**
 * The applicant answers the question open on a step; the step stays with its approver. With
 * `pauseOn` (the policy pauses deadlines while asking) the step's deadline moves out by the working
 * time the question was open. A card showing another question than the open one is stale.
 */
export function answer(
  c: Case,
  cmd: AnswerCommand,
  pauseOn: WorkingCalendar | null,
): Result<{ next: Case; question: StepQuestion; movedDeadline: { from: string; to: string } | null }, Refusal> {
  if (cmd.revision !== c.revision) return fail({ code: 'stale_card' });
  const refused = refusalOf(c, cmd.actor, 'answer', cmd.stepIndex);
  if (refused) return fail(refused);
  if (cmd.question !== openQuestionIndex(c.questions, c.revision, cmd.stepIndex)) return fail({ code: 'stale_card' });
  const words = wordsRefusal(cmd.text, 'answer');
  if (words) return fail(words);
  const asked = c.questions[cmd.question] as StepQuestion;
  const question: StepQuestion = {
    ...asked,
    answer: cmd.text.trim(),
    answeredBy: cmd.actor.id,
    answeredAt: cmd.at.toISOString(),
  };
  const questions = c.questions.map((q, i) => (i === cmd.question ? question : q));
  // The guard let the answer through, so the step is the pending one the question was asked on.
  const step = c.steps[cmd.stepIndex] as ApprovalStep;
  const from = step.dueAt;
  const to =
    pauseOn && from ? pausedDeadline(pauseOn, new Date(from), new Date(asked.askedAt), cmd.at).toISOString() : from;
  if (!from || !to || to === from) return ok({ next: { ...c, questions }, question, movedDeadline: null });
  const steps = c.steps.map((s, i) => (i === cmd.stepIndex ? { ...step, dueAt: to } : s));
  return ok({ next: { ...c, questions, steps }, question, movedDeadline: { from, to } });
}
