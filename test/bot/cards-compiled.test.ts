import { readdirSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { CARDS_DIR, expandCard, loadCardTemplate } from '../../src/bot/cards';
import { messageCard } from '../../src/bot/actions/application-actions-shared';
import { helpCard } from '../../src/bot/commands/help';
import { applicationCard } from '../../src/bot/views/application-card';
import { applicationFormCard } from '../../src/bot/views/application-form-card';
import { applicationListCard } from '../../src/bot/views/application-list-card';
import { awayCard } from '../../src/bot/views/away-card';
import { channelNoticeCard } from '../../src/bot/views/channel-notice-card';
import { noticeActivity } from '../../src/bot/views/notice-card';
import { peopleCard, personFormCard } from '../../src/bot/views/people-card';
import { referenceImportCard } from '../../src/bot/views/reference-import-card';
import { reportCard } from '../../src/bot/views/report-card';
import { searchFilterCard } from '../../src/bot/views/search-filter-card';
import {
  applicantView,
  approverView,
  blockedForm,
  channelNotice,
  fulfillmentView,
  myApplications,
  newForm,
  observerView,
  resubmitForm,
  returnedView,
  routedForm,
} from './views/fixtures';

// Every render the views below make, as the views made it: the template's name and the data bound to it.
const mockRenders: { name: string; data: Record<string, unknown> }[] = [];
jest.mock('../../src/bot/cards', () => {
  const actual = jest.requireActual<typeof import('../../src/bot/cards')>('../../src/bot/cards');
  return {
    ...actual,
    renderCard: (name: string, data: Record<string, unknown>) => {
      mockRenders.push({ name, data });
      return actual.renderCard(name, data);
    },
  };
});

const choice = (value: string, title = value) => ({ value, title });
const notice = { text: '已保存 *张伟*', tone: 'good' as const };

function renderRepresentativeCards(): void {
  for (const view of [approverView, applicantView, observerView, fulfillmentView, returnedView]) applicationCard(view);
  for (const view of [newForm, routedForm, blockedForm, resubmitForm]) applicationFormCard(view);
  applicationListCard(myApplications);
  applicationListCard({ ...myApplications, items: [], notice: { text: '没有 ${x}', tone: 'attention' } });
  channelNoticeCard(channelNotice);
  helpCard('zh-CN');
  helpCard('en-US');
  messageCard('方案 PP-2026-000001 已批准 ${customer}');
  noticeActivity(
    'zh-CN',
    'notice.unknown_members',
    {
      count: 2,
      names: '吴刚, Ann',
      members: JSON.stringify([
        { aadObjectId: 'aad-1', name: '吴刚' },
        { aadObjectId: 'aad-2', name: 'Ann ${x}', email: 'ann@example.com' },
      ]),
    },
    new Date('2026-12-01T10:00:00+08:00'),
  );
  for (const form of [
    { min: '2026-12-01', from: '2026-12-02', to: '2026-12-05', standIn: 'aad-b', standIns: [choice('aad-b', '王芳')] },
    null,
  ])
    awayCard({
      lang: 'zh-CN',
      title: '休假',
      notice,
      intro: ['您的审批会转给代理人'],
      form,
      cancellable: form !== null,
    });
  peopleCard({
    lang: 'zh-CN',
    title: '人员',
    notice: null,
    intro: ['找到 2 人'],
    people: [
      { lines: ['**张伟**', '客户经理'], edit: { id: 'aad-a' } },
      { lines: ['王芳 ${role}'], edit: { id: 'aad-b' } },
    ],
    more: '还有 3 人',
    add: true,
  });
  for (const isNew of [true, false])
    personFormCard({
      lang: 'en-US',
      title: isNew ? 'Add a person' : 'Change 王芳',
      notice: isNew ? null : notice,
      intro: [],
      isNew,
      values: {
        aadObjectId: isNew ? '' : 'aad-b',
        name: '王芳',
        email: 'wang@example.com',
        roles: 'approver,ops',
        unit: 'pudong-branch',
        covers: '',
        delegate: '',
        head: '',
        locale: 'zh-CN',
        reassignTo: '',
      },
      choices: {
        roles: [choice('approver'), choice('ops')],
        unitOrNone: [choice('', '—'), choice('pudong-branch', '浦东分公司')],
        units: [choice('pudong-branch', '浦东分公司')],
        people: [choice('aad-a', '张伟')],
        locales: [choice('zh-CN'), choice('en-US')],
        approvers: [choice('aad-c', '刘强')],
      },
      open: isNew ? null : { text: '2 个待审批步骤' },
      save: { id: 'aad-b', version: 3 },
      remove: isNew ? null : { text: '删除王芳', data: { id: 'aad-b' } },
      cancel: { cancel: true },
    });
  for (const confirm of [{ file: 'catalog.csv', version: 4 }, null])
    referenceImportCard({
      lang: 'zh-CN',
      title: '产品目录第 4 版',
      notice: confirm ? null : notice,
      intro: ['对比第 3 版'],
      sections: [{ heading: '新增产品', lines: ['云总机', '云桌面 ${x}'] }],
      hint: confirm ? '确认后生效' : null,
      date: confirm ? { value: '2027-01-01', min: '2026-12-02' } : null,
      confirm,
      cancel: confirm && { cancel: true },
    });
  reportCard({
    lang: 'zh-CN',
    title: '2026年11月报告',
    intro: ['截至 12月1日'],
    axisTitles: { hours: '小时', percent: '%' },
    sections: [
      {
        id: 'tiers',
        title: '按层级',
        chart: { kind: 'donut', points: [{ legend: '一级', value: 3 }] },
        facts: [{ title: '一级', value: '3' }],
        notes: [],
      },
      {
        id: 'wait',
        title: '等待',
        chart: { kind: 'bars', axis: 'hours', points: [{ x: '初审', y: 4.5 }] },
        facts: [],
        notes: ['最长 ${x}'],
      },
      {
        id: 'units',
        title: '按单位',
        chart: { kind: 'hbars', axis: 'percent', points: [{ x: '浦东', y: 50 }] },
        facts: [],
        notes: [],
      },
      {
        id: 'steps',
        title: '按步骤',
        chart: { kind: 'grouped', axis: 'hours', series: [{ legend: '11月', values: [{ x: '初审', y: 2 }] }] },
        facts: [],
        notes: [],
      },
      { id: 'none', title: '抽检', chart: null, facts: [], notes: ['本月尚未抽检。'] },
    ],
  });
  for (const fieldsNotice of ['没有找到', null])
    searchFilterCard({
      lang: 'zh-CN',
      choices: {
        states: [choice('pending', '审批中')],
        steps: [choice('ops', '运营审核')],
        units: [choice('pudong-branch', '浦东分公司')],
        tiers: [choice('1', '一级')],
        products: [choice('CLOUD-PBX', '云总机')],
        activities: [choice('ACT-CLOUD-2026', '云业务')],
      },
      fields: {
        states: 'pending',
        unit: '',
        step: '',
        tier: '',
        applicant: '张伟',
        customer: '',
        product: '',
        activity: '',
        submittedFrom: '',
        submittedTo: '',
        activeFrom: '',
        activeTo: '',
        overdue: '',
        flagged: '',
        words: '${x}',
      },
      notice: fieldsNotice,
    });
}

describe('compiled card templates', () => {
  renderRepresentativeCards();

  it('should have rendered every template in cards/ at least once', () => {
    const names = readdirSync(CARDS_DIR)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.replace(/\.json$/, ''));
    expect(new Set(mockRenders.map((r) => r.name))).toEqual(new Set(names));
  });

  it.each(mockRenders.map((r, i) => [`${r.name} #${i}`, r] as const))(
    '%s should expand exactly as adaptivecards-templating expands it from scratch',
    (_label, { name, data }) => {
      const fromScratch: unknown = new ACData.Template(loadCardTemplate(name)).expand({ $root: data });
      expect(expandCard(name, data)).toEqual(fromScratch);
    },
  );

  it('should not carry one render into the next (the compiled template is reused, never changed)', () => {
    const first = expandCard('message', { text: 'one' });
    (first as { body: { text: string }[] }).body[0]!.text = 'changed';
    const second = expandCard('message', { text: 'two' });
    expect(second).toEqual(new ACData.Template(loadCardTemplate('message')).expand({ $root: { text: 'two' } }));
    expect(JSON.stringify(second)).not.toContain('changed');
  });
});
