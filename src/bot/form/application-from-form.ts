import type { ApplicationInput } from '../../domain/application';
import { formatYuan } from '../../domain/money';
import { fail, ok, type Result } from '../../domain/result';
import { parseApplication } from '../../formats/application-json';
import { LIMITS } from '../../formats/primitives';
import { describeProblem } from '../../i18n/describe-input-error';
import { t, type Lang, type StringKey } from '../../i18n';
import type { FormValues } from '../views/view-models';

/** Messages per form field, in the applicant's language. */
export type FieldErrors = Record<string, string[]>;

const YUAN = /^\d{1,11}(\.\d{1,2})?$/;
const INTEGER = /^\d{1,9}$/;

/** Yuan text to fen, exactly: "30" → 3000, "29.9" → 2990; more than two decimals is refused, never rounded. */
export function yuanToFen(text: string): number | null {
  if (!YUAN.test(text)) return null;
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Where the application JSON's fields sit on the form, to show a problem next to its input. */
function formFieldOf(path: string, lineSlots: readonly number[]): string {
  const line = /^tariffLines\[(\d+)\]\.(\w+)/.exec(path);
  if (line)
    return `lines[${lineSlots[Number(line[1])] ?? 0}].${line[2] === 'proposedUnitPriceFen' ? 'proposedPriceYuan' : line[2]}`;
  const map: Record<string, string> = {
    'customer.name': 'customerName',
    'customer.groupId': 'customerGroupId',
    subsidyFen: 'subsidyYuan',
    'expected.revenueFen': 'expectedRevenueYuan',
    'expected.subscribers': 'expectedSubscribers',
    tariffLines: 'lines[0].product',
  };
  return map[path] ?? path;
}

/**
 * Turns the form into an application, or names every problem next to its field. Money is typed in
 * yuan and held in fen; lines left empty are ignored.
 */
export function applicationFromForm(
  values: FormValues,
  applicant: string,
  lang: Lang,
): Result<ApplicationInput, FieldErrors> {
  const errors: FieldErrors = {};
  const add = (field: string, key: StringKey, params: Record<string, string | number> = {}) =>
    (errors[field] ??= []).push(t(lang, key, params));
  // Limits are said in yuan as the field takes them (no grouping), the unit the person typed; the schema counts fen.
  const money = (text: string, field: string, limits: { minFen?: number; maxFen: number }): number | undefined => {
    if (text === '') return undefined;
    const fen = yuanToFen(text.replace(/,/g, ''));
    if (fen === null) add(field, 'form.bad_yuan');
    else if (limits.minFen !== undefined && fen < limits.minFen)
      add(field, 'error.too_small', { min: formatYuan(limits.minFen, { grouping: false }) });
    else if (fen > limits.maxFen)
      add(field, 'error.too_large', { max: formatYuan(limits.maxFen, { grouping: false }) });
    return fen ?? undefined;
  };
  const integer = (text: string, field: string): number | undefined => {
    if (text === '') return undefined;
    if (!INTEGER.test(text)) add(field, 'form.bad_integer');
    return INTEGER.test(text) ? Number(text) : undefined;
  };
  // Which form slot each filled line came from, so a problem is shown on the right row.
  const lineSlots: number[] = [];
  const tariffLines = values.lines.flatMap((line, i) => {
    if (!line.product && !line.quantity && !line.proposedPriceYuan) return [];
    lineSlots.push(i);
    return [
      {
        product: line.product || undefined,
        quantity: integer(line.quantity, `lines[${i}].quantity`),
        proposedUnitPriceFen: money(line.proposedPriceYuan, `lines[${i}].proposedPriceYuan`, {
          minFen: 1,
          maxFen: LIMITS.maxUnitPriceFen,
        }),
      },
    ];
  });
  const candidate = {
    unit: values.unit || undefined,
    applicant,
    customer: { name: values.customerName || undefined, groupId: values.customerGroupId || undefined },
    activity: values.activity || undefined,
    preConsultationRef: values.preConsultationRef || null,
    startMonth: values.startMonth || undefined,
    termMonths: integer(values.termMonths, 'termMonths'),
    agentChannel: values.agentChannel,
    ...(values.agentChannel ? { agentName: values.agentName || null } : {}),
    tariffLines,
    subsidyFen: money(values.subsidyYuan, 'subsidyYuan', { maxFen: LIMITS.maxSubsidyFen }) ?? 0,
    commissionPct: values.commissionPct || '0',
    expected: {
      revenueFen: money(values.expectedRevenueYuan, 'expectedRevenueYuan', { maxFen: Number.MAX_SAFE_INTEGER }),
      subscribers: integer(values.expectedSubscribers, 'expectedSubscribers'),
    },
    justification: values.justification || undefined,
  };
  // 第十一条: a plan through an agent channel says which agent, for 合作管理部 to check.
  if (values.agentChannel && !values.agentName) add('agentName', 'form.agent_required');
  const parsed = parseApplication(candidate, 'form');
  if (!parsed.ok) {
    for (const problem of parsed.error.problems) {
      const field = formFieldOf(problem.field, lineSlots);
      // A typing problem already named there says more than the schema's "required".
      if (!errors[field]) errors[field] = [describeProblem(problem, lang)];
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.ok) return fail(errors);
  return ok(parsed.value);
}
