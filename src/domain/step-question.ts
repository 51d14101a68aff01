import { TEXT_LIMITS } from './text-limits';
import type { WorkingCalendar } from './business-days';
import { extendByWorkingMinutes, workingMinutesBetween } from './working-hours';

/**
 * A question an approver puts to the applicant about the step they decide (询问), without returning
 * the plan: the step stays with them, and the applicant answers on their card. Kept for every
 * revision; one is open (neither answered nor closed) per step at a time.
 */
export interface StepQuestion {
  /** The revision and step (index in that revision's route) it was asked on. */
  revision: number;
  stepIndex: number;
  askedBy: string;
  askedAt: string;
  text: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  /** When the step was decided (or the plan withdrawn) while it was still open: closed unanswered. */
  closedAt: string | null;
}

/** The most a question or an answer may say, in characters: the card's input holds the same limit. */
export const QUESTION_MAX_LENGTH = TEXT_LIMITS.question;

/** Which text of a question is meant: the approver's question or the applicant's answer. */
export type QuestionPart = 'question' | 'answer';

export const isOpen = (q: StepQuestion): boolean => q.answeredAt === null && q.closedAt === null;

/** The index of the open question on a step of a revision, or -1 when none is open. */
export const openQuestionIndex = (questions: readonly StepQuestion[], revision: number, stepIndex: number): number =>
  questions.findIndex((q) => q.revision === revision && q.stepIndex === stepIndex && isOpen(q));

/** Every question still open on a revision closed at `at`, unanswered (its step was decided or the plan withdrawn). */
export const closeOpenQuestions = (questions: readonly StepQuestion[], revision: number, at: string): StepQuestion[] =>
  questions.map((q) => (q.revision === revision && isOpen(q) ? { ...q, closedAt: at } : q));

/**
 * What is wrong with the words of a question or an answer, if anything: nothing but blanks, or more
 * than QUESTION_MAX_LENGTH characters once the blanks around them are trimmed.
 */
export function textProblem(text: string): { problem: 'required' } | { problem: 'too_long'; length: number } | null {
  const trimmed = text.trim();
  if (!trimmed) return { problem: 'required' };
  return trimmed.length > QUESTION_MAX_LENGTH ? { problem: 'too_long', length: trimmed.length } : null;
}

/**
 * A step's deadline after a question was open from `askedAt` to `answeredAt`, when the policy pauses
 * deadlines while asking: moved out by exactly the working time (09:00–18:00 on working days) it was
 * open, so the approver keeps the working time they had. A question open only outside working hours
 * moves nothing; time that ends a working day ends at 18:00, not at the next morning's 09:00.
 */
export function pausedDeadline(calendar: WorkingCalendar, dueAt: Date, askedAt: Date, answeredAt: Date): Date {
  return extendByWorkingMinutes(calendar, dueAt, workingMinutesBetween(calendar, askedAt, answeredAt));
}
