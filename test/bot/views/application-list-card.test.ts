import { applicationListCard } from '../../../src/bot/views/application-list-card';
import { ALLOWED_TYPES, cardOf, nodesOfType, shownTexts, typedNodes } from './card-json';
import { myApplications } from './fixtures';

describe('applicationListCard', () => {
  const card = cardOf(applicationListCard(myApplications));

  it('should be an Adaptive Card 1.5 of only the types Teams renders, every binding resolved', () => {
    expect(card.version).toBe('1.5');
    expect(
      typedNodes(card)
        .map((node) => node.type)
        .filter((type) => !ALLOWED_TYPES.has(type ?? '')),
    ).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('should show each application as a row with its own 查看 button for plan.show', () => {
    const rows = (card.body ?? []).filter((node) => node.type === 'Container');

    expect(rows).toHaveLength(2);
    expect(shownTexts(rows[0]!)).toEqual([
      'PP-2027-000123',
      '上海某某集团',
      '审批中 · 经营管理部审批 · 刘强 · 更新于 12月1日',
    ]);
    expect(shownTexts(rows[1]!)).toEqual(['PP-2027-000118', '闵行某某医院', '已批准 · 更新于 11月20日']);
    expect(rows.map((row) => nodesOfType(row, 'Action.Execute'))).toEqual([
      [
        expect.objectContaining({
          title: '查看',
          verb: 'plan.show',
          data: { applicationId: 'PP-2027-000123', list: 'mine' },
        }),
      ],
      [
        expect.objectContaining({
          title: '查看',
          verb: 'plan.show',
          data: { applicationId: 'PP-2027-000118', list: 'mine' },
        }),
      ],
    ]);
  });

  it('should say so when there is nothing to list, and not otherwise', () => {
    expect(shownTexts(cardOf(applicationListCard({ ...myApplications, items: [] })))).toEqual([
      '我的申请',
      myApplications.empty,
    ]);
    expect(shownTexts(card)).not.toContain(myApplications.empty);
  });

  it('should show a customer literally but send the id back as issued', () => {
    const list = cardOf(
      applicationListCard({
        ...myApplications,
        items: [{ ...myApplications.items[0]!, id: 'PP_1', customer: '**某某** ${evil}' }],
      }),
    );

    expect(shownTexts(list)).toEqual(expect.arrayContaining(['PP\\_1', '\\*\\*某某\\*\\* ${evil}']));
    expect(nodesOfType(list, 'Action.Execute')[0]?.data).toEqual({ applicationId: 'PP_1', list: 'mine' });
  });

  it('should label the button in English for an English-speaking user', () => {
    expect(
      nodesOfType(cardOf(applicationListCard({ ...myApplications, lang: 'en-US' })), 'Action.Execute')[0]?.title,
    ).toBe('Open');
  });
});
