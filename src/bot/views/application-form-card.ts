/**
 * The application form (`cards/application-form.json`). Its input ids are a contract with the
 * parser that reads the form back; they are the FormValues field names:
 *   unit, activity, customerName, customerGroupId, startMonth, termMonths,
 *   line0Product, line0Quantity, line0Price, line1Product, …, line2Price (MAX_FORM_LINES slots),
 *   subsidyYuan, commissionPct, agentChannel ("true" / "false"), preConsultationRef,
 *   expectedRevenueYuan, expectedSubscribers, justification.
 * Both buttons are Action.Execute (verbs `form.preview`, `form.submit`) whose data is
 * `{ mode, applicationId, revision, draftId }` (applicationId and revision null for a new application), plus the inputs.
 */
import type { Attachment } from 'botbuilder';
import { renderCard } from '../cards';
import { escapeStrings, finishCard, numberValue } from './card-data';
import type { CardLabelKey } from '../../i18n/cards.zh-CN';
import type { Lang } from '../../i18n';
import { label, labelTree } from './labels';
import { MAX_FORM_LINES, type FormView, type OutcomeView } from './view-models';

type LineField = 'product' | 'quantity' | 'proposedPriceYuan';

const LINE_INPUT_SUFFIX: Record<LineField, string> = {
  product: 'Product',
  quantity: 'Quantity',
  proposedPriceYuan: 'Price',
};

/** The id of a tariff line's input on the form: `lineInputId(0, 'proposedPriceYuan')` is `line0Price`. */
export function lineInputId(index: number, field: LineField): string {
  return `line${index}${LINE_INPUT_SUFFIX[field]}`;
}

/** The form fields that show their errors next to themselves; other error keys go to the top. */
const FIELDS = [
  'unit',
  'activity',
  'customerName',
  'customerGroupId',
  'startMonth',
  'termMonths',
  'subsidyYuan',
  'commissionPct',
  'agentChannel',
  'agentName',
  'preConsultationRef',
  'expectedRevenueYuan',
  'expectedSubscribers',
  'justification',
] as const;

const OUTCOME_COLOR: Record<OutcomeView['outcome'], string> = {
  routed: 'good',
  blocked: 'attention',
  not_needed: 'warning',
};

const LINE_LABEL: Record<LineField, CardLabelKey> = {
  product: 'card.form.product',
  quantity: 'card.form.quantity',
  proposedPriceYuan: 'card.form.price',
};

/** An error key's field as the form labels it: "客户名称", or "第 1 行 申请单价(元/月)" for a line's. */
function fieldLabel(lang: Lang, key: string): string {
  const line = /^lines\[(\d+)\]\.(product|quantity|proposedPriceYuan)$/.exec(key);
  if (line)
    return `${label(lang, 'card.form.lineHeading', { n: Number(line[1]) + 1 })} ${label(lang, LINE_LABEL[line[2] as LineField])}`;
  return label(lang, `card.form.${key}` as CardLabelKey);
}

/**
 * What the last tap came to, in a few lines right above the buttons, where the person is after
 * tapping them on a long form: the first field to fix, or the preview's outcome and route (the full
 * outcome stays at the top). Null for a fresh form.
 */
function summaryOf(view: FormView, fieldOrder: readonly string[], stray: string[]) {
  const { lang } = view;
  const errors = fieldOrder.flatMap((key) => (view.errors[key] ?? []).map((message) => ({ key, message })));
  const first = errors[0];
  if (first)
    return {
      color: 'attention',
      lines: [
        label(lang, 'card.form.summary.errors', {
          count: errors.length + stray.length,
          field: fieldLabel(lang, first.key),
          message: first.message,
        }),
      ],
    };
  const general = [...view.generalErrors, ...stray];
  if (!view.outcome) return general.length > 0 ? { color: 'attention', lines: general } : null;
  const { outcome } = view;
  const route = outcome.route.map((s) => `${s.step}(${s.who})`).join(' → ');
  return {
    color: OUTCOME_COLOR[outcome.outcome],
    lines: [
      ...general,
      label(lang, 'card.form.summary.outcome', { headline: outcome.headline }),
      ...(outcome.outcome === 'blocked' && outcome.reasons[0] ? [outcome.reasons[0]] : []),
      ...(route ? [label(lang, 'card.form.summary.route', { route })] : []),
      label(lang, `card.form.summary.${outcome.outcome}`, { count: outcome.reasons.length }),
    ],
  };
}

/** The application form, prefilled from the view, with its errors beside the fields and a preview's outcome on top. */
export function applicationFormCard(view: FormView): Attachment {
  const { lang, values } = view;
  const errorsOf = (key: string): string[] => escapeStrings(view.errors[key] ?? []);
  const lineKeys = Array.from({ length: MAX_FORM_LINES }, (_, i) =>
    (['product', 'quantity', 'proposedPriceYuan'] as const).map((f) => `lines[${i}].${f}`),
  );
  const shownKeys = new Set<string>([...FIELDS, ...lineKeys.flat()]);
  // The fields in the order the form shows them: the customer and term, the lines, then the rest.
  const fieldOrder = [...FIELDS.slice(0, 6), ...lineKeys.flat(), ...FIELDS.slice(6)];
  const strayErrors = Object.entries(view.errors)
    .filter(([key]) => !shownKeys.has(key))
    .flatMap(([, messages]) => messages);

  const lines = Array.from({ length: MAX_FORM_LINES }, (_, i) => {
    const line = values.lines[i] ?? { product: '', quantity: '', proposedPriceYuan: '' };
    return {
      heading: label(lang, 'card.form.lineHeading', { n: i + 1 }),
      productId: lineInputId(i, 'product'),
      quantityId: lineInputId(i, 'quantity'),
      priceId: lineInputId(i, 'proposedPriceYuan'),
      product: line.product,
      quantity: numberValue(line.quantity),
      price: line.proposedPriceYuan,
      productErrors: errorsOf(`lines[${i}].product`),
      quantityErrors: errorsOf(`lines[${i}].quantity`),
      priceErrors: errorsOf(`lines[${i}].proposedPriceYuan`),
    };
  });

  const title =
    view.mode === 'resubmit' && view.applicationId
      ? label(lang, 'card.form.titleResubmit', { id: escapeStrings(view.applicationId) })
      : label(lang, 'card.form.title');

  return finishCard(
    renderCard('application-form', {
      ...labelTree(lang),
      title,
      generalErrors: escapeStrings([...view.generalErrors, ...strayErrors]),
      warnings: escapeStrings(view.warnings),
      outcome: view.outcome ? { ...escapeStrings(view.outcome), color: OUTCOME_COLOR[view.outcome.outcome] } : null,
      summary: escapeStrings(summaryOf(view, fieldOrder, strayErrors)),
      // Input values are never Markdown: they go in as typed, so a resubmitted form sends back the same text.
      values: {
        ...values,
        termMonths: numberValue(values.termMonths),
        commissionPct: numberValue(values.commissionPct),
        expectedSubscribers: numberValue(values.expectedSubscribers),
        agentChannel: values.agentChannel ? 'true' : 'false',
      },
      errors: Object.fromEntries(FIELDS.map((field) => [field, errorsOf(field)])),
      lines,
      choices: view.choices,
      formData: {
        mode: view.mode,
        applicationId: view.applicationId ?? null,
        revision: view.revision ?? null,
        draftId: view.draftId ?? null,
      },
    }),
  );
}
