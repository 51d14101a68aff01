import type { CardModel } from '../../app/use-cases';
import type { ApplicationRecord } from '../../app/records/application-record';
import { stepBasis } from '../../domain/route';
import { awaitedStep } from '../../domain/workflow';
import { describeReason, tierName } from '../../i18n/describe-reason';
import { describeHistoryAction } from '../../i18n/describe-history';
import { t, type Lang } from '../../i18n';
import type { ApplicationView, ChannelNoticeView } from '../views/view-models';
import { describeChange, formerValue, resubmissionChanges } from './changes';
import { economicsRows, formatMonths, formatWhen, yuan } from './formatting';
import { endedHistoryComment, endInputOf, endNote, evaluationRows, termText, type EndTyped } from './plan-life-view';
import { trackRecordView } from './track-record-view';
import { CARD_TEXT, clipped, latest, shownJustification } from './card-budget';
import { closedQuestionNote, isAsking, openQuestionOf, questionsNote } from './questions-view';

/** A name from the model's names (an id the directory does not know is shown as itself). */
const nameIn = (names: Record<string, string>, id: string): string => names[id] ?? id;

/**
 * The step a decision waits on, or the fulfillment task, in one line. `pausesWhileAsking` (the card
 * knows the policy) also says when a question to the applicant is open, and that the deadline pauses.
 */
export function waitingOn(
  record: ApplicationRecord,
  names: Record<string, string>,
  lang: Lang,
  now: string,
  pausesWhileAsking: boolean | null = null,
): string {
  const awaited = awaitedStep(record);
  if (record.state === 'in_review' && awaited) {
    const asking = pausesWhileAsking !== null && isAsking(record);
    const key = !asking ? 'waiting.step' : pausesWhileAsking ? 'waiting.step.paused' : 'waiting.step.asking';
    return t(lang, key, {
      step: t(lang, `step.${awaited.step.step}`),
      who: nameIn(names, awaited.step.assignee),
      due: formatWhen(awaited.step.dueAt, lang, now),
    });
  }
  if (record.state === 'in_fulfillment' && record.fulfillment)
    return t(lang, 'waiting.fulfillment', { due: formatWhen(record.fulfillment.dueAt, lang, now) });
  if (record.state === 'returned') return t(lang, 'waiting.returned');
  // Nothing waits: the card leaves the row out, a list line says its status alone.
  return '';
}

/** The evaluation asked for, in one line: "填报第 2 期评估:2027年4月–6月,第二季度" (and how many are outstanding). */
export function evaluationAsk(evaluation: NonNullable<CardModel['evaluation']>, lang: Lang): string {
  const { period, outstanding } = evaluation;
  const span = formatMonths(evaluation.firstMonth, evaluation.lastMonth, lang);
  return t(lang, outstanding > 1 ? 'waiting.evaluationBacklog' : 'waiting.evaluation', { period, span, outstanding });
}

/** A returned or rejected plan's decision, for the first screen: who decided, at which step, and their words. */
function decisionNote(
  record: ApplicationRecord,
  names: Record<string, string>,
  lang: Lang,
): ApplicationView['decision'] {
  const status = record.state === 'returned' ? 'returned' : record.state === 'rejected' ? 'rejected' : null;
  const step = status && record.steps.find((s) => s.status === status);
  if (!status || !step) return undefined;
  const who = nameIn(names, step.decidedBy ?? step.assignee);
  return {
    title: t(lang, `${status}.title`, { who, step: t(lang, `step.${step.step}`) }),
    comment: step.comment ?? '',
    hint: status === 'returned' ? t(lang, 'returned.hint') : '',
  };
}

/** What changed since the revision the viewer last saw, as the card lists it on its first screen. */
function changesView(model: CardModel, lang: Lang): ApplicationView['changes'] {
  const since = model.changedSince;
  if (!since) return undefined;
  return {
    title: t(lang, 'changes.title', { revision: since.revision }),
    items:
      since.changes.length > 0
        ? since.changes.map((c) => describeChange(c, lang))
        : [t(lang, 'changes.none', { revision: since.revision })],
  };
}

/**
 * The card's figures, split for a phone: what decides the tier first (discount, margin, subsidy,
 * commission), and under 方案详情 the rest of the plan — activity, term, agent channel, the
 * pre-consultation and what it allowed, expected results, revenue and cost, and what it was judged on.
 */
function figures(model: CardModel, lang: Lang): Pick<ApplicationView, 'keyFigures' | 'details'> {
  const { record, judgedOn } = model;
  const { input } = record;
  const rows = record.assessment.economics ? economicsRows(record.assessment.economics, lang) : [];
  const [revenue, standard, cost, margin, discount, subsidy, commission] = rows;
  const present = (r: { label: string; value: string } | undefined): r is { label: string; value: string } =>
    r !== undefined;
  const row = (key: Parameters<typeof t>[1], value: string) => ({ label: t(lang, key), value });
  const ref = input.preConsultationRef?.trim();
  const unlocked = model.unlocked.map((k) => t(lang, `kind.${k}`)).join(t(lang, 'detail.separator'));
  return {
    keyFigures: [discount, margin, subsidy, commission].filter(present),
    details: [
      row('card.app.activity', input.activity),
      row('card.app.term', termText(record, lang)),
      row(
        'card.app.agent',
        !input.agentChannel
          ? t(lang, 'detail.agent.no')
          : input.agentName
            ? t(lang, 'detail.agent.named', { agent: input.agentName })
            : t(lang, 'detail.agent.yes'),
      ),
      row(
        'card.app.preConsultation',
        !ref ? t(lang, 'detail.none') : unlocked ? t(lang, 'detail.preConsultation', { ref, kinds: unlocked }) : ref,
      ),
      row(
        'card.app.expected',
        t(lang, 'detail.expected', {
          revenue: yuan(input.expected.revenueFen),
          subscribers: input.expected.subscribers,
        }),
      ),
      ...evaluationRows(record, lang),
      ...[revenue, standard, cost].filter(present),
      ...(judgedOn
        ? [
            row(
              'card.app.judgedOn',
              t(lang, 'detail.judgedOn', {
                catalogVersion: judgedOn.catalogVersion,
                catalogDate: judgedOn.catalogDate ?? t(lang, 'detail.none'),
                policyVersion: judgedOn.policyVersion,
                policyFrom: judgedOn.policyFrom ?? t(lang, 'detail.none'),
              }),
            ),
          ]
        : []),
    ],
  };
}

/**
 * For someone whose step comes later (ops, copied at submission under 第十一条): who decides now, that
 * their turn comes after, and that the buttons appear on this card then.
 */
function aheadNote(model: CardModel, lang: Lang): ApplicationView['banner'] {
  const { record, viewer, names } = model;
  const awaited = awaitedStep(record);
  if (record.state !== 'in_review' || !viewer || !awaited) return undefined;
  const theirs = record.steps.find(
    (s) => s.status === 'waiting' && (s.assignee === viewer.id || s.delegate === viewer.id),
  );
  if (!theirs) return undefined;
  const params = {
    current: t(lang, `step.${awaited.step.step}`),
    who: nameIn(names, awaited.step.assignee),
    step: t(lang, `step.${theirs.step}`),
  };
  const key = record.input.agentChannel && awaited.step.step === 'cooperation' ? 'ahead.agent' : 'ahead.later';
  return { text: t(lang, key, params), tone: 'default' };
}

/**
 * An application as a person on it sees it: all of it on one card, with the actions they may take
 * (`typed`: what they had typed into a form of the card that was refused, kept in its fields).
 */
export function applicationView(
  model: CardModel,
  lang: Lang,
  banner?: ApplicationView['banner'],
  typed?: EndTyped,
): ApplicationView {
  const { record, names, products, asOf: now } = model;
  const awaited = awaitedStep(record);
  const tier = record.assessment.tier;
  const lineChanges = model.changedSince?.changes.filter((c) => c.line !== null) ?? [];
  const decision = decisionNote(record, names, lang) ?? endNote(record, names, lang);
  const endInput = endInputOf(model, typed);
  const questions = questionsNote(model, lang);
  const openQuestion = openQuestionOf(model, lang);
  const changes = changesView(model, lang);
  const shownBanner = banner ?? aheadNote(model, lang);
  const history = latest(record.history, CARD_TEXT.history);
  return {
    lang,
    id: record.id,
    revision: record.revision,
    revisionLabel: t(lang, 'revision.label', { revision: record.revision }),
    ...(decision ? { decision } : {}),
    ...(questions ? { questions } : {}),
    ...(openQuestion ? { openQuestion } : {}),
    ...(changes ? { changes } : {}),
    ...trackRecordView(model, lang),
    stateLabel: t(lang, `state.${record.state}`),
    ...(shownBanner ? { banner: shownBanner } : {}),
    unitName: model.unitName,
    applicantName: nameIn(names, record.input.applicant),
    customer: `${record.input.customer.name} (${record.input.customer.groupId})`,
    lines: record.input.tariffLines.map((line, index) => {
      const product = products[line.product];
      return {
        product: product ? `${product.code} ${product.name}` : line.product,
        quantity: String(line.quantity),
        proposed: yuan(line.proposedUnitPriceFen),
        standard: product ? yuan(product.standardPriceFen) : '',
        market: product ? yuan(product.marketReferenceFen) : '',
        cost: product ? yuan(product.unitCostFen) : '',
        was: lineChanges
          .filter((c) => c.line === index + 1)
          .map((c) => formerValue(c, lang))
          .join(' · '),
      };
    }),
    ...figures(model, lang),
    tierLabel: tier ? t(lang, `tier.label.${tier}`, { tier: tierName(tier, lang, model.tierNames) }) : '',
    tierReasons: record.assessment.reasons.map((r) => describeReason(r, lang, model.tierNames)),
    route: record.steps.map((s) => ({
      step: t(lang, `step.${s.step}`),
      // Chosen from a pool: why this person ("2 位负责该单位的审批人中在办最少(0 件)").
      assigned:
        s.assignment && s.assignment.basis !== 'only' && !s.decidedBy
          ? t(lang, `assignment.${s.assignment.basis}`, { pool: s.assignment.pool, open: s.assignment.open })
          : '',
      why: t(lang, `route.why.${stepBasis(s.step, tier, record.input)}`, {
        tier: tier ? tierName(tier, lang, model.tierNames) : '',
      }),
      who: nameIn(names, s.decidedBy ?? s.assignee),
      status: t(lang, `stepStatus.${s.status}`),
      when: formatWhen(s.decidedAt ?? s.dueAt, lang, now),
      comment: clipped(s.comment ?? '', CARD_TEXT.comment),
    })),
    waitingOn: model.evaluation
      ? evaluationAsk(model.evaluation, lang)
      : waitingOn(record, names, lang, now, model.pausesWhileAsking),
    justification: shownJustification(record.input.justification, lang),
    history: [
      ...(history.earlier > 0
        ? [{ when: '', who: '', what: t(lang, 'card.history.earlier', { count: history.earlier }), comment: '' }]
        : []),
      ...history.shown.map((h) => ({
        when: formatWhen(h.at, lang, now),
        who: nameIn(names, h.actor),
        // A decision (or withdrawal) that closed a question unanswered says so.
        what: describeHistoryAction(h.action, lang) + closedQuestionNote(record, h, lang),
        // A resubmission's line lists what it changed ("单价 ¥90.00 → ¥96.00").
        comment: clipped(
          h.action === 'resubmitted'
            ? resubmissionChanges(record, h.revision)
                .map((c) => describeChange(c, lang))
                .join(';')
            : h.action === 'ended_early'
              ? endedHistoryComment(record, h.comment ?? '', lang)
              : (h.comment ?? ''),
          CARD_TEXT.comment,
        ),
      })),
    ],
    actions: model.actions,
    ...(record.evaluationDue !== null ? { evaluationPeriod: record.evaluationDue } : {}),
    ...(model.evaluation ? { evaluationAsk: evaluationAsk(model.evaluation, lang) } : {}),
    actionData: { applicationId: record.id, revision: record.revision, stepIndex: awaited?.index ?? -1 },
    refreshUserIds: model.refreshUserIds,
    ...(endInput ? { endInput } : {}),
    ...(record.fulfillment
      ? {
          // Short titles and the facts as values, so a narrow card wraps neither the date nor the name.
          fulfillment: [
            { label: t(lang, 'card.app.fulfillmentDue'), value: formatWhen(record.fulfillment.dueAt, lang, now) },
            ...(record.fulfillment.doneAt
              ? [
                  {
                    label: t(lang, 'card.app.fulfillmentDone'),
                    value: `${nameIn(names, record.fulfillment.doneBy ?? '')} · ${formatWhen(record.fulfillment.doneAt, lang, now)}`,
                  },
                ]
              : []),
            ...(record.fulfillment.note
              ? [{ label: t(lang, 'card.app.fulfillmentNote'), value: record.fulfillment.note }]
              : []),
          ],
        }
      : {}),
  };
}

/** What a channel may know of an application (SPEC §7): number, unit, status and deadline. */
export function channelNoticeView(
  model: Pick<CardModel, 'record' | 'unitName' | 'asOf'>,
  lang: Lang,
  headline: string,
): ChannelNoticeView {
  const { record, asOf: now } = model;
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
    deadline: formatWhen(due, lang, now),
  };
}
