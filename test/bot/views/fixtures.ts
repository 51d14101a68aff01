/** Realistic views (zh-CN) of one plan on its way through PlanDesk, for the card tests. */
import type {
  ApplicationListView,
  ApplicationView,
  ChannelNoticeView,
  FormValues,
  FormView,
} from '../../../src/bot/views/view-models';

const CHOICES: FormView['choices'] = {
  units: [
    { value: 'pudong-branch', title: '浦东分公司' },
    { value: 'minhang-branch', title: '闵行分公司' },
    { value: 'industry-finance', title: '行业客户部(金融)' },
  ],
  activities: [
    { value: 'ACT-CLOUD-2026', title: '云业务 2026 营销活动' },
    { value: 'ACT-LINE-2026', title: '专线 2026 营销活动' },
  ],
  products: [
    { value: 'CLOUD-PBX', title: '云总机(每席位)· 标准 ¥50.00/月' },
    { value: 'CLOUD-DESK', title: '云桌面(每终端)· 标准 ¥120.00/月' },
    { value: 'DIA-100M', title: '互联网专线 100M(每条)· 标准 ¥3,000.00/月' },
  ],
  months: [
    { value: '2027-01', title: '2027年1月' },
    { value: '2027-02', title: '2027年2月' },
    { value: '2027-03', title: '2027年3月' },
  ],
};

const EMPTY_VALUES: FormValues = {
  unit: '',
  activity: '',
  customerName: '',
  customerGroupId: '',
  startMonth: '',
  termMonths: '',
  lines: [],
  subsidyYuan: '',
  commissionPct: '',
  agentChannel: false,
  agentName: '',
  preConsultationRef: '',
  expectedRevenueYuan: '',
  expectedSubscribers: '',
  justification: '',
};

const FILLED_VALUES: FormValues = {
  unit: 'pudong-branch',
  activity: 'ACT-CLOUD-2026',
  customerName: '上海某某集团',
  customerGroupId: 'G2100123',
  startMonth: '2027-01',
  termMonths: '12',
  lines: [
    { product: 'CLOUD-PBX', quantity: '200', proposedPriceYuan: '30.00' },
    { product: 'CLOUD-DESK', quantity: '50', proposedPriceYuan: '96.00' },
  ],
  subsidyYuan: '5000.00',
  commissionPct: '3',
  agentChannel: true,
  agentName: '沪闵代理',
  preConsultationRef: '',
  expectedRevenueYuan: '72000.00',
  expectedSubscribers: '250',
  justification: '竞争对手报价每席位 30 元,客户总部 200 席位整体迁移,三年内有扩容到 500 席位的计划。',
};

/** A new, empty form as `新建` opens it. */
export const newForm: FormView = {
  lang: 'zh-CN',
  mode: 'new',
  values: EMPTY_VALUES,
  errors: {},
  generalErrors: [],
  warnings: [],
  choices: CHOICES,
};

/** A filled form after a preview that routes it for approval, with a stale-catalog warning. */
export const routedForm: FormView = {
  ...newForm,
  values: FILLED_VALUES,
  warnings: ['产品目录(第 7 版,2026-10-02 导入)已超过一个月未更新,成本与标准资费可能已变化。'],
  outcome: {
    outcome: 'routed',
    headline: '需要审批 · tier2(经营管理部负责人)',
    reasons: ['毛利率 18.50% 低于 tier1 的标准 30%,故为 tier2。', '折扣深度 40% 高于 tier1 的上限 20%,故为 tier2。'],
    hints: ['第 1 行“CLOUD-PBX”单价不低于 ¥35.00 即可落入一级授权。', '补贴不超过 ¥12,000.00 即可落入一级授权。'],
    economics: [
      { label: '方案收入', value: '¥129,600.00' },
      { label: '按标准资费计的合同金额', value: '¥192,000.00' },
      { label: '成本', value: '¥105,624.00' },
      { label: '毛利率', value: '18.50%' },
      { label: '折扣深度', value: '40%' },
    ],
    route: [
      { step: '合作管理部审批', who: '李娜', why: '涉及代理渠道发展,先由合作管理部审批(第十一条、第十二条)' },
      { step: '经营管理部审批', who: '刘强', why: '二级授权:由经营管理部负责人审批(第七条(二))' },
    ],
  },
};

/** A form the preview blocked: errors beside three fields, one not tied to a field. */
export const blockedForm: FormView = {
  ...routedForm,
  warnings: [],
  errors: {
    customerGroupId: ['必填'],
    termMonths: ['不能大于 36'],
    'lines[1].proposedPriceYuan': ['第 2 行“云桌面(每终端)”的申请单价 ¥50.00 低于单位成本 ¥60.00。'],
  },
  generalErrors: ['申请 PP-2027-000123 已被他人更新,请刷新后重试。'],
  outcome: {
    outcome: 'blocked',
    headline: '不能提交',
    reasons: ['方案收入 ¥96,000.00 低于成本 ¥105,624.00,差额 ¥9,624.00(毛利率 -10.03%),不得低于成本。'],
    hints: ['第 2 行“CLOUD-DESK”单价不低于成本 ¥60.00 即可通过成本校验。'],
    economics: [{ label: '方案收入', value: '¥96,000.00' }],
    route: [],
  },
};

/** A returned application opened again for editing. */
export const resubmitForm: FormView = {
  ...newForm,
  mode: 'resubmit',
  applicationId: 'PP-2027-000123',
  revision: 2,
  values: FILLED_VALUES,
};

/** The ops approver's copy while the plan waits on them. */
export const approverView: ApplicationView = {
  lang: 'zh-CN',
  id: 'PP-2027-000123',
  revision: 2,
  revisionLabel: '第 2 版',
  stateLabel: '审批中',
  changes: { title: '与第 1 版相比的修改', items: ['第 2 行单价 ¥90.00 → ¥96.00', '申请理由 旧 → 新'] },
  unitName: '浦东分公司',
  applicantName: '张伟',
  customer: '上海某某集团(G2100123)',
  lines: [
    {
      product: '云总机(每席位)',
      quantity: '200',
      proposed: '¥30.00',
      standard: '¥50.00',
      market: '¥42.00',
      cost: '¥20.00',
      was: '',
    },
    {
      product: '云桌面(每终端)',
      quantity: '50',
      proposed: '¥96.00',
      standard: '¥120.00',
      market: '¥105.00',
      cost: '¥60.00',
      was: '原单价 ¥90.00',
    },
  ],
  keyFigures: [
    { label: '折扣深度', value: '40%' },
    { label: '毛利率', value: '18.50%' },
    { label: '补贴(金额 · 占收入)', value: '¥5,000.00 · 3.86%' },
    { label: '酬金(比例 · 金额)', value: '3% · ¥3,888.00' },
  ],
  details: [
    { label: '营销活动', value: '云业务 2026 营销活动' },
    { label: '期限', value: '2027年1月起 12 个月' },
    { label: '代理渠道', value: '涉及代理渠道(先经合作管理部审批)' },
    { label: '方案收入(全期)', value: '¥129,600.00' },
    { label: '成本(含补贴、酬金)', value: '¥105,624.00' },
  ],
  tierLabel: 'tier2(经营管理部负责人)',
  tierReasons: ['毛利率 18.50% 低于 tier1 的标准 30%,故为 tier2。'],
  route: [
    {
      step: '合作管理部审批',
      why: '涉及代理渠道发展,先由合作管理部审批(第十一条、第十二条)',
      assigned: '',
      who: '李娜',
      status: '已批准',
      when: '12月1日 15:20',
      comment: '代理渠道资质已核实。',
    },
    {
      step: '经营管理部审批',
      why: '二级授权:由经营管理部负责人审批(第七条(二))',
      assigned: '2 位负责该单位的审批人中在办最少(0 件)',
      who: '刘强',
      status: '待审批',
      when: '',
      comment: '',
    },
  ],
  waitingOn: '经营管理部审批 · 刘强 · 12月3日 18:00 前',
  justification: '竞争对手报价每席位 30 元,客户总部 200 席位整体迁移,三年内有扩容到 500 席位的计划。',
  history: [
    { when: '11月28日 10:02', who: '张伟', what: '提交申请(第 1 版)', comment: '' },
    { when: '11月29日 16:40', who: '刘强', what: '退回修改', comment: '请补充云桌面的数量依据。' },
    { when: '12月1日 09:15', who: '张伟', what: '重新提交(第 2 版)', comment: '' },
    { when: '12月1日 15:20', who: '李娜', what: '批准', comment: '代理渠道资质已核实。' },
  ],
  actions: ['approve', 'reject', 'return', 'escalate'],
  actionData: { applicationId: 'PP-2027-000123', revision: 2, stepIndex: 1 },
  refreshUserIds: ['29:1a2b3c-ops-liu', '29:4d5e6f-applicant-zhang'],
};

/** What the applicant sees of the same plan: the status, and withdrawal while it is undecided. */
export const applicantView: ApplicationView = {
  ...approverView,
  banner: { text: '已提交,等待经营管理部审批。', tone: 'good' },
  actions: ['withdraw'],
  refreshUserIds: [],
};

/** Anyone else on the card: status only. */
export const observerView: ApplicationView = { ...approverView, actions: [], refreshUserIds: [] };

/** The support handler's task after final approval. */
export const fulfillmentView: ApplicationView = {
  ...approverView,
  stateLabel: '待受理',
  waitingOn: '业务支撑中心受理 · 赵磊 · 12月5日 18:00 前',
  actions: ['fulfill'],
  fulfillment: [
    { label: '受理期限', value: '12月5日 18:00' },
    { label: '受理人', value: '赵磊' },
  ],
  refreshUserIds: [],
};

/** A returned plan, on the applicant's copy. */
export const returnedView: ApplicationView = {
  ...approverView,
  stateLabel: '已退回',
  banner: { text: '刘强退回修改:请补充云桌面的数量依据。', tone: 'warning' },
  decision: {
    title: '刘强退回修改(经营管理部审批)',
    comment: '请补充云桌面的数量依据。',
    hint: '请按意见修改后,点击下方的“修改并重新提交”。',
  },
  waitingOn: '等待申请人修改并重新提交',
  actions: ['resubmit', 'withdraw'],
  refreshUserIds: [],
};

/** The nudge a unit's channel gets. */
export const channelNotice: ChannelNoticeView = {
  lang: 'zh-CN',
  id: 'PP-2027-000123',
  unitName: '浦东分公司',
  stateLabel: '审批中',
  headline: '方案 PP-2027-000123 等待经营管理部审批',
  deadline: '12月3日 18:00 前',
};

/** `我的`: the applicant's applications. */
export const myApplications: ApplicationListView = {
  lang: 'zh-CN',
  list: 'mine',
  queue: [],
  title: '我的申请',
  empty: '您还没有提交过申请。发送“新建”开始填写。',
  items: [
    {
      id: 'PP-2027-000123',
      customer: '上海某某集团',
      stateLabel: '审批中',
      waitingOn: '经营管理部审批 · 刘强',
      updated: '更新于 12月1日',
    },
    { id: 'PP-2027-000118', customer: '闵行某某医院', stateLabel: '已批准', waitingOn: '', updated: '更新于 11月20日' },
  ],
};
