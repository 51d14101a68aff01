import type { CardModel } from '../../app/use-cases';
import type { ApplicationRecord, HistoryEvent } from '../../app/records/application-record';
import { DECISIONS } from '../../domain/approval-step';
import { isOpen, openQuestionIndex, type StepQuestion } from '../../domain/step-question';
import { awaitedStep } from '../../domain/workflow';
import { t, type Lang } from '../../i18n';
import type { ApplicationView } from '../views/view-models';
import { formatWhen } from './formatting';
import { CARD_TEXT, clipped, latest } from './card-budget';

const nameIn = (names: Record<string, string>, id: string): string => names[id] ?? id;

/** The step a decision awaits while the plan is in review, with its index; null otherwise. */
const awaitedInReview = (record: ApplicationRecord) => (record.state === 'in_review' ? awaitedStep(record) : null);

/**
 * The questions asked of the applicant on the step awaited now, for the first screen of every copy:
 * each question and its answer; for the open one, what the viewer does about it (the applicant answers
 * below; the approver may decide meanwhile) and whether the deadline runs on or pauses.
 */
export function questionsNote(model: CardModel, lang: Lang): ApplicationView['questions'] {
  const { record, names, viewer, asOf } = model;
  const awaited = awaitedInReview(record);
  if (!awaited) return undefined;
  const asked = record.questions.filter((q) => q.revision === record.revision && q.stepIndex === awaited.index);
  if (asked.length === 0) return undefined;
  const open = asked.find(isOpen);
  const { shown, earlier } = latest(asked, CARD_TEXT.questions);
  // The open question is quoted whole where it is answered; those on record show their start.
  const text = (q: StepQuestion, said: string) => (isOpen(q) ? said : clipped(said, CARD_TEXT.comment));
  const entries = [
    ...(earlier > 0 ? [{ label: t(lang, 'card.questions.earlier', { count: earlier }), text: '' }] : []),
    ...shown.flatMap((q) => [
      {
        label: t(lang, 'question.asked', { who: nameIn(names, q.askedBy), when: formatWhen(q.askedAt, lang, asOf) }),
        text: text(q, q.text),
      },
      ...(q.answer !== null && q.answeredAt
        ? [
            {
              label: t(lang, 'question.answered', {
                who: nameIn(names, q.answeredBy ?? record.input.applicant),
                when: formatWhen(q.answeredAt, lang, asOf),
              }),
              text: text(q, q.answer),
            },
          ]
        : []),
    ]),
  ];
  if (!open)
    return {
      title: t(lang, 'question.title.answered', { step: t(lang, `step.${awaited.step.step}`) }),
      entries,
      hint: '',
      deadline: '',
    };
  const { step } = awaited;
  const hint =
    viewer?.id === record.input.applicant
      ? t(lang, 'question.hint.applicant', { who: nameIn(names, step.assignee) })
      : viewer && (viewer.id === step.assignee || viewer.id === step.delegate)
        ? t(lang, 'question.hint.approver', { applicant: nameIn(names, record.input.applicant) })
        : '';
  return {
    title: t(lang, 'question.title.open', { who: nameIn(names, open.askedBy) }),
    entries,
    hint,
    deadline: model.pausesWhileAsking
      ? t(lang, 'question.deadline.paused')
      : t(lang, 'question.deadline.runs', { due: formatWhen(step.dueAt, lang, asOf) }),
  };
}

/** The question open on the awaited step, for 回答: its index (sent back with the answer) and the question quoted. */
export function openQuestionOf(model: CardModel, lang: Lang): ApplicationView['openQuestion'] {
  const { record, names } = model;
  const awaited = awaitedInReview(record);
  const index = awaited ? openQuestionIndex(record.questions, record.revision, awaited.index) : -1;
  const open = record.questions[index];
  if (!open) return undefined;
  return { index, prompt: t(lang, 'question.prompt', { who: nameIn(names, open.askedBy), question: open.text }) };
}

/** Whether a question is open on the step awaited now. */
export const isAsking = (record: ApplicationRecord): boolean => {
  const awaited = awaitedInReview(record);
  return awaited !== null && openQuestionIndex(record.questions, record.revision, awaited.index) !== -1;
};

/** For a history line that ended a step or the plan (a decision, a withdrawal): the note that it closed a question unanswered, else ''. */
export function closedQuestionNote(record: ApplicationRecord, line: HistoryEvent, lang: Lang): string {
  const [, event = line.action] = line.action.split('.');
  if (event !== 'withdrawn' && !(DECISIONS as readonly string[]).includes(event)) return '';
  const closed = record.questions.some((q) => q.revision === line.revision && q.closedAt === line.at);
  return closed ? t(lang, 'history.questionClosed') : '';
}
