/**
 * The approval card (`cards/application.json`): what an approver decides on, with buttons only for
 * the actions the viewer may take. Every Action.Execute carries `view.actionData`
 * (`{ applicationId, revision, stepIndex }`) plus the inputs of its ShowCard:
 *   approve  → ShowCard, confirm verb `plan.approve`,     optional `approveComment`
 *   reject   → ShowCard, confirm verb `plan.reject`,      required `rejectComment`
 *   return   → ShowCard, confirm verb `plan.return`,      required `returnComment`
 *   escalate → ShowCard, confirm verb `plan.escalate`,    optional `escalateComment`
 *   fulfill  → ShowCard, confirm verb `plan.fulfill`,     optional `fulfillComment`
 *   withdraw → ShowCard, confirm verb `plan.withdraw`,    optional `withdrawComment`
 *   resubmit → plain Action.Execute, verb `plan.edit` (answers with the prefilled form)
 *   renew    → plain Action.Execute, verb `plan.renew` (a new application prefilled from this one)
 *   evaluate → ShowCard, confirm verb `evaluation.report`, required `actualRevenueYuan`, `actualSubscribers`
 *   end      → ShowCard, confirm verb `plan.end`,         required `endDate` (Input.Date) and `endReason`
 *   ask      → ShowCard, confirm verb `plan.ask`,         required `askText` (the question, QUESTION_MAX_LENGTH)
 *   answer   → ShowCard, confirm verb `plan.answer`,      required `answerText`; its data names the question too
 * Each verb's declaration in src/bot/actions names its button and comment input (test/bot/card-verbs
 * holds this template to them). The comment ids differ per action because Teams mobile fails to render a card whose ShowCards
 * repeat an input id (MicrosoftDocs/msteams-docs#7868).
 */
import type { Attachment } from 'botbuilder';
import { renderCard } from '../cards';
import { escapeStrings, finishCard, joined } from './card-data';
import { labelTree } from './labels';
import { CASE_ACTIONS } from '../../domain/workflow';
import { t } from '../../i18n';
import type { ApplicationView } from './view-models';

/**
 * Past this many tariff lines each line is one line of figures rather than a row of columns: a column
 * layout costs about 1.1 KB a line, and 20 of them alone came close to what Teams takes in a message.
 */
export const LINES_IN_COLUMNS = 6;

/** Each tariff line as one text: the product and quantity, what changed, and its figures, labelled. */
function lineRows(lines: ApplicationView['lines'], lang: ApplicationView['lang']) {
  return lines.map((line) => ({
    text: joined(
      `${line.product} × ${line.quantity}`,
      `${t(lang, 'card.app.lineProposed')} ${line.proposed}`,
      ...(line.standard ? [`${t(lang, 'card.app.lineStandard')} ${line.standard}`] : []),
      ...(line.market ? [`${t(lang, 'card.app.lineMarket')} ${line.market}`] : []),
      ...(line.cost ? [`${t(lang, 'card.app.lineCost')} ${line.cost}`] : []),
      ...(line.was ? [line.was] : []),
    ),
  }));
}

/** The card for one application as one viewer sees it; it refreshes for `refreshUserIds` when there are any. */
export function applicationCard(view: ApplicationView): Attachment {
  const { lang, actions, actionData, refreshUserIds, endInput, ...display } = view;
  const shown = escapeStrings(display);
  const attachment = renderCard('application', {
    ...labelTree(lang),
    ...shown,
    banner: shown.banner ?? null,
    decision: shown.decision ?? null,
    questions: shown.questions ?? null,
    openQuestion: shown.openQuestion ?? null,
    changes: shown.changes ?? null,
    overlaps: shown.overlaps ?? [],
    hasLines: shown.lines.length > 0,
    ...(shown.lines.length > LINES_IN_COLUMNS
      ? { lines: [], lineRows: lineRows(shown.lines, lang) }
      : { lines: shown.lines, lineRows: [] }),
    trackRecord: view.trackRecord
      ? {
          ...escapeStrings({ ...view.trackRecord, rows: [] }),
          // The ids go back as the bot issued them; only the shown copy is escaped.
          rows: view.trackRecord.rows.map((row) => ({
            ...escapeStrings({ title: row.title, text: row.text }),
            color: row.attention ? 'Attention' : 'Default',
            show: { ...row.show },
          })),
        }
      : null,
    fulfillment: shown.fulfillment ?? null,
    evaluationAsk: shown.evaluationAsk ?? null,
    route: shown.route.map((step) => ({ ...step, statusLine: joined(step.status, step.when) })),
    history: shown.history.map((entry) => ({ ...entry, headline: joined(entry.when, entry.who, entry.what) })),
    can: Object.fromEntries(CASE_ACTIONS.map((action) => [action, actions.includes(action)])),
    actionData: { ...actionData },
    evaluateData: { ...actionData, period: view.evaluationPeriod ?? 0 },
    // Input values, not Markdown: never escaped.
    endInput: endInput ?? { lastDay: null, reason: null, min: null, max: null },
    answerData: { ...actionData, question: view.openQuestion?.index ?? -1 },
  });
  // Universal Actions: the listed users' copies ask for their own view; anyone else keeps this one.
  const refresh =
    refreshUserIds.length > 0
      ? {
          refresh: {
            action: { type: 'Action.Execute', verb: 'plan.refresh', data: { ...actionData } },
            userIds: [...refreshUserIds],
          },
        }
      : {};
  return finishCard(attachment, refresh);
}
