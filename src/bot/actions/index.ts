import type { CardAction } from './card-action';
import { evaluationReport } from './evaluation-report';
import { formPreview, formSubmit } from './form-actions';
import { fulfillmentDone } from './fulfillment-done';
import { planApprove } from './plan-approve';
import { planEdit } from './plan-edit';
import { planEscalate } from './plan-escalate';
import { planRefresh, planShow } from './plan-refresh';
import { planRenew } from './plan-renew';
import { planReject } from './plan-reject';
import { planReturn } from './plan-return';
import { planWithdraw } from './plan-withdraw';

/** Every card verb PlanDesk answers; a new verb is a new file added here. */
export const CARD_ACTIONS: readonly CardAction[] = [
  formPreview, formSubmit, planApprove, planReject, planReturn, planEscalate, planWithdraw, planEdit, planRefresh, planShow, fulfillmentDone, evaluationReport, planRenew,
];
