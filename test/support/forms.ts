/** Application forms as a person fills them, shared by the flow tests, the crash and multi-instance tests and the benches. */

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

/** An IoT plan from 闵行 (黄丽's unit) through an agent channel: cooperation (李娜) first, then ops (王芳). */
export const agentForm = {
  ...lineForm,
  unit: 'minhang-branch',
  activity: 'ACT-IOT-2026',
  customerName: '闵行智慧物流股份公司',
  customerGroupId: 'G2100789',
  line0Product: 'IOT-CARD',
  line0Quantity: 1000,
  line0Price: '9.00',
  commissionPct: 6,
  agentChannel: 'true',
  agentName: '沪闵代理',
  expectedRevenueYuan: '108000',
  expectedSubscribers: 1000,
  justification: '通过代理渠道发展一千张物流终端卡。',
};

/** A cloud PBX plan at tier 2: the ops head (刘强) decides. */
export const tier2Form = {
  ...lineForm,
  activity: 'ACT-CLOUD-2026',
  customerName: '上海某某集团',
  customerGroupId: 'G2100123',
  line0Product: 'CLOUD-PBX',
  line0Quantity: 200,
  line0Price: '30.00',
  subsidyYuan: '5000',
  expectedRevenueYuan: '72000',
  expectedSubscribers: 200,
  justification: '竞争对手报价每席位 30 元。',
};
