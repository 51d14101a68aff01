import type { ApplicationRecord } from '../../app/records/application-record';
import type { Directory } from '../../app/records/directory';
import { nameOf } from '../../app/common/people';
import { isUndecided } from '../../domain/application-state';
import { findProduct, type CatalogContent } from '../../domain/catalog';
import type { Actor } from '../../domain/workflow';
import { awaitedStep } from '../../domain/workflow';
import { describeReason } from '../../i18n/describe-reason';
import { t, type Lang, type StringKey } from '../../i18n';
import type { ApplicationView, CardAction, ChannelNoticeView } from '../views/view-models';
import { economicsRows, formatWhen, yuan } from './formatting';

export interface PresentOptions {
  lang: Lang;
  directory: Directory;
  /** The catalog the application was judged on (names and standard prices of its products). */
  catalog: CatalogContent | null;
  banner?: ApplicationView['banner'];
  /** Teams ids of people, for the card's refresh.userIds. */
  mriOf: (aadObjectId: string) => string | null;
}

/** What a person may do on the card now; nothing for anyone else (who sees the status only). */
export function actionsFor(record: ApplicationRecord, viewer: Actor | null): CardAction[] {
  if (!viewer) return [];
  const actions: CardAction[] = [];
  const awaited = awaitedStep(record);
  if (record.state === 'in_review' && awaited && viewer.id !== record.input.applicant && (awaited.step.assignee === viewer.id || awaited.step.delegate === viewer.id)) {
    actions.push('approve', 'reject', 'return');
    if (awaited.step.step === 'ops_review' && !record.steps.some((s) => s.step === 'leadership')) actions.push('escalate');
  }
  if (viewer.id === record.input.applicant) {
    if (record.state === 'active' && record.evaluationDue !== null) actions.push('evaluate');
    if (record.state === 'expired') actions.push('renew');
    if (record.state === 'returned') actions.push('resubmit');
    if (isUndecided(record.state)) actions.push('withdraw');
  }
  if (record.state === 'in_fulfillment' && viewer.roles.includes('support_handler')) actions.push('fulfill');
  return actions;
}

/** The step a decision waits on, or the fulfillment task, in one line. */
export function waitingOn(record: ApplicationRecord, directory: Directory, lang: Lang): string {
  const awaited = awaitedStep(record);
  if (record.state === 'in_review' && awaited) {
    return t(lang, 'waiting.step', { step: t(lang, `step.${awaited.step.step}`), who: nameOf(directory, awaited.step.assignee), due: formatWhen(awaited.step.dueAt, lang) });
  }
  if (record.state === 'in_fulfillment' && record.fulfillment) return t(lang, 'waiting.fulfillment', { due: formatWhen(record.fulfillment.dueAt, lang) });
  return t(lang, 'waiting.none');
}

const historyKey = (action: string): StringKey | null => {
  const key = `history.${action.includes('.') ? action.split('.')[1] : action}`;
  return key in HISTORY_KEYS ? (key as StringKey) : null;
};
const HISTORY_KEYS = Object.fromEntries([
  'submitted', 'resubmitted', 'withdrawn', 'fulfilled', 'approve', 'reject', 'return', 'escalate',
  'expired', 'evaluation_requested', 'evaluation_reported', 'evaluation_flagged', 'reassigned_overdue',
].map((k) => [`history.${k}`, true]));

/** An application as a person on it sees it: all of it on one card, with the actions they may take. */
export function applicationView(record: ApplicationRecord, viewer: Actor | null, o: PresentOptions): ApplicationView {
  const { lang, directory } = o;
  const stepOf = (action: string) => (action.includes('.') ? `${t(lang, `step.${action.split('.')[0] as 'ops_review'}`)} · ` : '');
  const awaited = awaitedStep(record);
  const deciders = awaited && record.state === 'in_review' ? [awaited.step.assignee, awaited.step.delegate] : [];
  return {
    lang,
    id: record.id,
    revision: record.revision,
    stateLabel: t(lang, `state.${record.state}`),
    ...(o.banner ? { banner: o.banner } : {}),
    unitName: directory.units.find((u) => u.id === record.input.unit)?.name ?? record.input.unit,
    applicantName: nameOf(directory, record.input.applicant),
    customer: `${record.input.customer.name} (${record.input.customer.groupId})`,
    activity: record.input.activity,
    term: t(lang, 'term.months', { start: record.input.startMonth, months: record.input.termMonths }),
    lines: record.input.tariffLines.map((line) => {
      const product = o.catalog ? findProduct(o.catalog, line.product) : undefined;
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
      who: nameOf(directory, s.decidedBy ?? s.assignee),
      status: t(lang, `stepStatus.${s.status}`),
      when: formatWhen(s.decidedAt ?? s.dueAt, lang),
      comment: s.comment ?? '',
    })),
    waitingOn: waitingOn(record, directory, lang),
    justification: record.input.justification,
    history: record.history.map((h) => {
      const key = historyKey(h.action);
      return { when: formatWhen(h.at, lang), who: nameOf(directory, h.actor), what: `${stepOf(h.action)}${key ? t(lang, key) : h.action}`, comment: h.comment ?? '' };
    }),
    actions: actionsFor(record, viewer),
    ...(record.evaluationDue !== null ? { evaluationPeriod: record.evaluationDue } : {}),
    actionData: { applicationId: record.id, revision: record.revision, stepIndex: awaited?.index ?? -1 },
    refreshUserIds: deciders.flatMap((id) => (id ? [o.mriOf(id)].filter((m): m is string => m !== null) : [])),
    ...(record.fulfillment ? { fulfillment: [
      { label: t(lang, 'waiting.fulfillment', { due: formatWhen(record.fulfillment.dueAt, lang) }), value: record.fulfillment.doneAt ? `${nameOf(directory, record.fulfillment.doneBy ?? '')} · ${formatWhen(record.fulfillment.doneAt, lang)}` : '' },
      ...(record.fulfillment.note ? [{ label: '', value: record.fulfillment.note }] : []),
    ] } : {}),
  };
}

/** What a channel may know of an application (SPEC §7): number, unit, status and deadline. */
export function channelNoticeView(record: ApplicationRecord, directory: Directory, lang: Lang, headline: string): ChannelNoticeView {
  const awaited = awaitedStep(record);
  const due = record.state === 'in_review' ? awaited?.step.dueAt ?? null : record.state === 'in_fulfillment' ? record.fulfillment?.dueAt ?? null : null;
  return {
    lang, id: record.id, headline,
    unitName: directory.units.find((u) => u.id === record.input.unit)?.name ?? record.input.unit,
    stateLabel: t(lang, `state.${record.state}`),
    deadline: formatWhen(due, lang),
  };
}
