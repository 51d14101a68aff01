import { formatYuan } from '../../domain/money';
import { z } from 'zod';
import type { ApplicationInput } from '../../domain/application';
import { formatBasisPoints } from '../../domain/basis-points';
import { MAX_FORM_LINES, type FormValues } from '../views/view-models';

/** Card inputs arrive as text (a toggle as "true"/"false"); anything missing is empty. */
const field = z
  .preprocess((v) => (v === undefined || v === null ? '' : String(v)), z.string())
  .transform((s) => s.trim());

const lineIds = (i: number) => ({ product: `line${i}Product`, quantity: `line${i}Quantity`, price: `line${i}Price` });

/**
 * The form's values from an Action.Execute's data. Input ids: unit, activity, customerName,
 * customerGroupId, startMonth, termMonths, line{0..2}Product/Quantity/Price, subsidyYuan,
 * commissionPct, agentChannel, agentName, preConsultationRef, expectedRevenueYuan, expectedSubscribers, justification.
 */
export function formValuesFrom(data: Record<string, unknown>): FormValues {
  const get = (key: string): string => field.parse(data[key]);
  return {
    unit: get('unit'),
    activity: get('activity'),
    customerName: get('customerName'),
    customerGroupId: get('customerGroupId'),
    startMonth: get('startMonth'),
    termMonths: get('termMonths'),
    lines: Array.from({ length: MAX_FORM_LINES }, (_, i) => {
      const ids = lineIds(i);
      return { product: get(ids.product), quantity: get(ids.quantity), proposedPriceYuan: get(ids.price) };
    }),
    subsidyYuan: get('subsidyYuan'),
    commissionPct: get('commissionPct'),
    agentChannel: get('agentChannel') === 'true',
    agentName: get('agentName'),
    preConsultationRef: get('preConsultationRef'),
    expectedRevenueYuan: get('expectedRevenueYuan'),
    expectedSubscribers: get('expectedSubscribers'),
    justification: get('justification'),
  };
}

const yuan = (fen: number): string => formatYuan(fen, { grouping: false });

/** The form prefilled with an application, e.g. to revise a returned one. */
export function formValuesOf(input: ApplicationInput): FormValues {
  return {
    unit: input.unit,
    activity: input.activity,
    customerName: input.customer.name,
    customerGroupId: input.customer.groupId,
    startMonth: input.startMonth,
    termMonths: String(input.termMonths),
    lines: Array.from({ length: MAX_FORM_LINES }, (_, i) => {
      const line = input.tariffLines[i];
      return line
        ? { product: line.product, quantity: String(line.quantity), proposedPriceYuan: yuan(line.proposedUnitPriceFen) }
        : { product: '', quantity: '', proposedPriceYuan: '' };
    }),
    subsidyYuan: input.subsidyFen ? yuan(input.subsidyFen) : '',
    commissionPct: input.commissionBp ? formatBasisPoints(input.commissionBp) : '',
    agentChannel: input.agentChannel,
    agentName: input.agentName ?? '',
    preConsultationRef: input.preConsultationRef ?? '',
    expectedRevenueYuan: yuan(input.expected.revenueFen),
    expectedSubscribers: String(input.expected.subscribers),
    justification: input.justification,
  };
}

/** An empty form for a person of a unit, starting next month for a year. */
export function blankForm(unit: string, startMonth: string): FormValues {
  return {
    unit,
    activity: '',
    customerName: '',
    customerGroupId: '',
    startMonth,
    termMonths: '12',
    lines: Array.from({ length: MAX_FORM_LINES }, () => ({ product: '', quantity: '', proposedPriceYuan: '' })),
    subsidyYuan: '',
    commissionPct: '',
    agentChannel: false,
    agentName: '',
    preConsultationRef: '',
    expectedRevenueYuan: '',
    expectedSubscribers: '',
    justification: '',
  };
}
