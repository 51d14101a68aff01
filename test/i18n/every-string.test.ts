import { NOTICE_KEYS, type NoticeKey } from '../../src/app/ports/notice-keys';
import { noticeText } from '../../src/bot/present/notice-text';
import { t, type Lang, type StringKey } from '../../src/i18n';
import { zhCN } from '../../src/i18n/zh-CN';

/**
 * Every string of both tables, filled as PlanDesk fills it, reads as a sentence: no placeholder left
 * open, no "—" or "undefined" standing for something missing, no "NaN". A new placeholder needs a
 * representative value here, so whoever adds it thinks about what it will say.
 */
const SAMPLE: Record<string, string | number> = {
  combined: '5,200,000.00',
  discount: '32.50%',
  evaluation: '评估未达预期',
  findings: '抽检 1 次,发现问题 1 次',
  flaggedShare: '25%',
  group: 'G-310000-0001',
  issueShare: '10%',
  termMonths: 12,
  own: '2,600,000.00',
  overlapFrom: '2027-01',
  overlapTo: '2027-12',
  plans: 'PP-2026-000002',
  sharedProducts: 'DIA-100M',
  about: '关于申请 PP-2026-000004 的消息',
  action: 'decide.approve',
  active: 12,
  approved: 7,
  activity: 'ACT-CLOUD-2026',
  after: '¥96.00',
  agent: '沪闵代理',
  // A question to the applicant (询问) and its answer, each up to 500 characters.
  answer: '是的,客户要求两个厂区同一天割接。',
  applicant: '张伟',
  length: 612,
  question: '两个厂区的专线是否需要同一天开通?',
  at: '2026-12-02T03:00:00.000Z',
  attempts: 3,
  by: '刘强',
  before: '¥90.00',
  chain: 'PP-2026-000004',
  chains: 12,
  code: 'CLOUD-PBX',
  codes: 'ACT-CLOUD-2026、ACT-IOT-2026',
  col: 5,
  costAfter: '¥21.00',
  costBefore: '¥20.00',
  column: 'branch_max_discount_pct',
  columns: 'code, name',
  command: 'frobnicate',
  comment: '请补充云桌面的数量依据',
  commission: '8.00',
  cost: '105,624.00',
  changed: 3,
  products: 12,
  activities: 4,
  actual: '98,000.00',
  count: 2,
  shown: 15,
  more: 42,
  current: '3',
  date: '2026-12-02',
  daysLeft: 30,
  detail: 'unexpected token',
  due: '12月2日 18:00',
  email: 'wang.fang@plandesk.example',
  entry: '2026-12-02T03:00:00.000Z, decide.approve, PP-2026-000004',
  error: 'HTTP 502 bad gateway',
  expected: 'number',
  expectedRevenue: '¥28,800.00',
  expectedSubscribers: 250,
  field: '客户名称',
  figures: '收入 ¥20,000.00(预期 ¥28,800.00),用户 180 户(预期 250 户)',
  filter: '审批中 · 浦东分公司',
  firstDay: '2026-12-01',
  flagged: 1,
  from: '王芳(wang.fang@plandesk.example)',
  flaggedPart: '其中评估未达预期 1 件',
  fromMonth: '4月',
  fromYear: 2026,
  given: 'fr-FR',
  headline: '需要审批 · 一级授权',
  id: 'PP-2026-000004',
  importedOn: '2026-10-01',
  inFulfillment: 2,
  inReview: 5,
  keys: 'foo',
  kindName: '资费折扣',
  language: '中文',
  lastDay: '2027-12-31',
  limit: '30',
  line: 2,
  margin: '18.50',
  max: 36,
  measureName: '毛利率',
  message: '不能为空',
  min: 1,
  month: '2026-12',
  monthName: '4月',
  months: 12,
  moved: 2,
  n: 1,
  rate: 820,
  total: 10000,
  left: '11 秒',
  found: 17,
  known: 16,
  option: '--verbose',
  argument: 'extra.csv',
  name: '云总机',
  names: '吴昊、郑洁',
  next: '二级授权',
  note: '补贴发放凭证缺两个月',
  nextPeriod: 3,
  open: 2,
  options: 'a, b',
  other: '英文',
  outstanding: 3,
  otherTag: 'en-US',
  path: 'catalog.csv',
  period: 2,
  pool: 3,
  position: 17,
  price: '50.00',
  problem: '必填',
  query: '王',
  problems: '“邮箱”不是有效的邮箱地址',
  product: 'CLOUD-PBX',
  proposed: '30.00',
  quarter: '第二季度',
  reason: 'MessageWritesBlocked',
  recipient: '刘强',
  ref: 'a1b2c3',
  kinds: '资费折扣、促销补贴',
  catalogVersion: 3,
  catalogDate: '2026-10-01',
  policyVersion: 2,
  policyFrom: '2026-01-01',
  revenue: '129,600.00',
  replayed: 8,
  revision: 2,
  settingName: '最长有效期(月)',
  role: '经营管理部负责人',
  roles: '经营管理部审批人',
  route: '合作管理部审批(李娜) → 经营管理部审批(王芳)',
  sample: 'PP-2026-000004(浦东分公司)',
  share: 10,
  shortfall: '1,200.00',
  shortOn: '实际收入和用户数',
  signed: 3,
  span: '2027年4月–6月,第二季度',
  standIn: '刘强',
  start: '2027-01',
  status: '审批中',
  steps: 'PP-2026-000004 经营管理部审批',
  step: 'ops_review',
  stepName: '经营管理部审批',
  subject: 'PP-2026-000004',
  subscribers: 120,
  subsidy: '12,000.00',
  target: 'ops',
  term: '12 个月',
  tier: '一级授权',
  to: 'sqlite:plandesk.db',
  today: '2026-12-01',
  toMonth: '6月',
  toYear: 2027,
  unit: 'pudong-branch',
  unitName: '浦东分公司',
  units: '浦东分公司、闵行分公司',
  value: '60',
  version: 3,
  what: '内容与写入时记下的哈希不符:写入后被改动过。',
  when: '11月28日 12:21',
  where: '第 17 条',
  who: '刘强',
  why: '连续两期评估未达预期,客户已改用标准专线套餐',
  word: 'ops',
  year: 2027,
  // The monthly report's figures.
  approve: 6,
  approvePct: '75.0',
  deadline: '26.0',
  discountMax: '40.00',
  discountMedian: '30.00',
  discountMin: '12.50',
  ids: 'PP-2026-000004、PP-2026-000007',
  marginMax: '45.00',
  marginMedian: '32.10',
  marginMin: '18.50',
  median: '5.5',
  overdue: 1,
  counted: 9,
  submitted: 14,
  returned: 2,
  rejected: 1,
  withdrawn: 1,
  sampled: 2,
  issues: 1,
  p90: '17.0',
  pct: '25.0',
  reject: 1,
  rejectPct: '12.5',
  return: 1,
  returnPct: '12.5',
};

const LANGS: Lang[] = ['zh-CN', 'en-US'];
const KEYS = Object.keys(zhCN) as StringKey[];
const NOTICES = new Set<string>(NOTICE_KEYS);
const BROKEN = /\{|\}|undefined|NaN|null|—/;

const paramsOf = (key: StringKey): Record<string, string | number> => {
  const names = [...t('zh-CN', key).matchAll(/\{(\w+)\}/g), ...zhCN[key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return Object.fromEntries(names.map((name) => [name, SAMPLE[name] ?? `<no sample for ${name}>`]));
};

describe('every string, filled as PlanDesk fills it', () => {
  // Notices are filled from the outbox's raw params, as the messenger shows them.
  const raw = (key: NoticeKey): Record<string, string | number> => {
    const { about: _a, stepName: _s, flaggedPart: _f, span: _m, ...rest } = paramsOf(key);
    return {
      ...rest,
      id: 'PP-2026-000004',
      step: 'ops_review',
      due: '2026-12-02T10:00:00Z',
      firstMonth: '2027-04',
      lastMonth: '2027-06',
    };
  };
  const now = new Date('2026-11-28T04:00:00Z');

  it.each(LANGS)('%s: every string and every notice reads as a sentence (the broken ones are listed)', (lang) => {
    const filled = [
      ...KEYS.filter((k) => !NOTICES.has(k)).map((key) => [key, t(lang, key, paramsOf(key))] as const),
      ...NOTICE_KEYS.map((key) => [key, noticeText(lang, key, raw(key), now)] as const),
    ];
    expect(filled.length).toBe(KEYS.length);
    expect(filled.filter(([, text]) => BROKEN.test(text) || text.includes('<no sample for'))).toEqual([]);
  });

  it.each(LANGS)('%s: a notice about no application, to nobody named, with nothing flagged, still reads', (lang) => {
    for (const key of ['ops.delivery_failed', 'ops.delivery_rejected', 'ops.conversation_inactive'] as const) {
      const text = noticeText(lang, key, { ...raw(key), id: '', recipient: '' }, now);
      expect(text).not.toMatch(BROKEN);
      expect(text).not.toContain('PP-');
    }
    const summary = noticeText(lang, 'summary.monthly', { ...raw('summary.monthly'), flagged: 0 }, now);
    expect(summary).toBe(
      lang === 'zh-CN'
        ? '2026-12 个性化方案月报:当月提交 14 件,其中已通过 7、审批中 5、待修改 2、驳回 1、撤回 1;当月办理或待办的步骤 9 个,逾期 1 个;当月有效的方案 12 件,没有评估未达预期的方案;抽检 2 件,发现问题 1 件。带图表的完整月报已发给经营管理部。'
        : 'Personalized plans, 2026-12: 14 filed (7 approved, 5 in review, 2 returned for revision, 1 rejected, 1 withdrawn); steps handled or awaited: 9, overdue: 1; plans in effect: 12, none below expectations at evaluation; spot check: 2 drawn, 1 with issues. The full report with charts went to ops in their own chats.',
    );
    expect(noticeText(lang, 'ops.delivery_failed', { ...raw('ops.delivery_failed'), id: '' }, now)).toBe(
      lang === 'zh-CN'
        ? '发给 刘强 的消息尝试 3 次仍未送达,已转入死信。最后一次错误:HTTP 502 bad gateway'
        : 'A message to 刘强 was not delivered after 3 attempts and is now a dead letter. Last error: HTTP 502 bad gateway',
    );
  });
});
