/** Application forms as a person fills them, shared by the flow tests. */

/** A tier-1 plan with no agent channel: one step, 王芳 (ops approver, delegate 刘强). */
export const lineForm = {
  mode: 'new',
  applicationId: null,
  revision: null,
  unit: 'pudong-branch',
  activity: 'ACT-LINE-2026',
  customerName: '浦东精密制造有限公司',
  customerGroupId: 'G2100456',
  startMonth: '2027-01',
  termMonths: 12,
  line0Product: 'DIA-100M',
  line0Quantity: 4,
  line0Price: '2400.00',
  subsidyYuan: '',
  commissionPct: '',
  agentChannel: 'false',
  preConsultationRef: '',
  expectedRevenueYuan: '115200',
  expectedSubscribers: 4,
  justification: '四个厂区专线统一签约。',
};
