import type { CardModel } from '../../app/use-cases';
import type { ApplicationRecord } from '../../app/records/application-record';
import { awaitedStep } from '../../domain/workflow';
import { describeReason } from '../../i18n/describe-reason';
import { isStringKey, t, type Lang } from '../../i18n';
import type { ApplicationView, ChannelNoticeView } from '../views/view-models';
import { economicsRows, formatWhen, yuan } from './formatting';

/** A name from the model's names (an id the directory does not know is shown as itself). */
const nameIn = (names: Record<string, string>, id: string): string => names[id] ?? id;

/** The step a decision waits on, or the fulfillment task, in one line. */
export function waitingOn(record: ApplicationRecord, names: Record<string, string>, lang: Lang): string {
  const awaited = awaitedStep(record);
  if (record.state === 'in_review' && awaited) {
    return t(lang, 'waiting.step', {
      step: t(lang, `step.${awaited.step.step}`),
      who: nameIn(names, awaited.step.assignee),
      due: formatWhen(awaited.step.dueAt, lang),
    });
  }
  if (record.state === 'in_fulfillment' && record.fulfillment)
    return t(lang, 'waiting.fulfillment', { due: formatWhen(record.fulfillment.dueAt, lang) });
  return t(lang, 'waiting.none');
}

/** A history line's words: the step it happened at, and what happened. */
function historyWhat(action: string, lang: Lang): string {
  const [first = '', event] = action.split('.');
  // "ops_review.approve": the step by its name (a step without words by its id), then what happened.
  const stepKey = `step.${first}`;
  const step = event ? `${isStringKey(stepKey) ? t(lang, stepKey) : first} · ` : '';
  const key = `history.${event ?? first}`;
  return `${step}${isStringKey(key) ? t(lang, key) : action}`;
}

/** An application as a person on it sees it: all of it on one card, with the actions they may take. */
export function applicationView(model: CardModel, lang: Lang, banner?: ApplicationView['banner']): ApplicationView {
  const { record, names, products } = model;
  const awaited = awaitedStep(record);
  return {
    lang,
    id: record.id,
    revision: record.revision,
    stateLabel: t(lang, `state.${record.state}`),
    ...(banner ? { banner } : {}),
    unitName: model.unitName,
    applicantName: nameIn(names, record.input.applicant),
    customer: `${record.input.customer.name} (${record.input.customer.groupId})`,
    activity: record.input.activity,
    term: t(lang, 'term.months', { start: record.input.startMonth, months: record.input.termMonths }),
    lines: record.input.tariffLines.map((line) => {
      const product = products[line.product];
      return {
        product: product ? `${product.code} ${product.name}` : line.product,
        quantity: String(line.quantity),
        proposed: yuan(line.proposedUnitPriceFen),
        standard: product ? yuan(product.standardPriceFen) : '',
        cost: product ? yuan(product.unitCostFen) : '',
      };
    }),
    economics: record.assessment.economics ? economicsRows(record.assessment.economics, lang) : [],
    tierLabel: record.assessment.tier ? t(lang, `tier.label.${record.assessment.tier}`) : '',
    tierReasons: record.assessment.reasons.map((r) => describeReason(r, lang)),
    route: record.steps.map((s) => ({
      step: t(lang, `step.${s.step}`),
      who: nameIn(names, s.decidedBy ?? s.assignee),
      status: t(lang, `stepStatus.${s.status}`),
      when: formatWhen(s.decidedAt ?? s.dueAt, lang),
      comment: s.comment ?? '',
    })),
    waitingOn: waitingOn(record, names, lang),
    justification: record.input.justification,
    history: record.history.map((h) => ({
      when: formatWhen(h.at, lang),
      who: nameIn(names, h.actor),
      what: historyWhat(h.action, lang),
      comment: h.comment ?? '',
    })),
    actions: model.actions,
    ...(record.evaluationDue !== null ? { evaluationPeriod: record.evaluationDue } : {}),
    actionData: { applicationId: record.id, revision: record.revision, stepIndex: awaited?.index ?? -1 },
    refreshUserIds: model.refreshUserIds,
    ...(record.fulfillment
      ? {
          fulfillment: [
            {
              label: t(lang, 'waiting.fulfillment', { due: formatWhen(record.fulfillment.dueAt, lang) }),
              value: record.fulfillment.doneAt
                ? `${nameIn(names, record.fulfillment.doneBy ?? '')} · ${formatWhen(record.fulfillment.doneAt, lang)}`
                : '',
            },
            ...(record.fulfillment.note ? [{ label: '', value: record.fulfillment.note }] : []),
          ],
        }
      : {}),
  };
}

/** What a channel may know of an application (SPEC §7): number, unit, status and deadline. */
export function channelNoticeView(
  model: Pick<CardModel, 'record' | 'unitName'>,
  lang: Lang,
  headline: string,
): ChannelNoticeView {
  const { record } = model;
  const awaited = awaitedStep(record);
  const due =
    record.state === 'in_review'
      ? (awaited?.step.dueAt ?? null)
      : record.state === 'in_fulfillment'
        ? (record.fulfillment?.dueAt ?? null)
        : null;
  return {
    lang,
    id: record.id,
    headline,
    unitName: model.unitName,
    stateLabel: t(lang, `state.${record.state}`),
    deadline: formatWhen(due, lang),
  };
}
