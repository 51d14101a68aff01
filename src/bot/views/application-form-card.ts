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

/** The application form, prefilled from the view, with its errors beside the fields and a preview's outcome on top. */
export function applicationFormCard(view: FormView): Attachment {
  const { lang, values } = view;
  const errorsOf = (key: string): string[] => escapeStrings(view.errors[key] ?? []);
  const lineKeys = Array.from({ length: MAX_FORM_LINES }, (_, i) =>
    (['product', 'quantity', 'proposedPriceYuan'] as const).map((f) => `lines[${i}].${f}`),
  );
  const shownKeys = new Set<string>([...FIELDS, ...lineKeys.flat()]);
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
