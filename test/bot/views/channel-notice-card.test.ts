import { channelNoticeCard } from '../../../src/bot/views/channel-notice-card';
import { ALLOWED_TYPES, cardOf, shownTexts, typedNodes } from './card-json';
import { channelNotice } from './fixtures';

describe('channelNoticeCard', () => {
  const card = cardOf(channelNoticeCard(channelNotice));

  it('should be an Adaptive Card 1.5 of only the types Teams renders, with no buttons', () => {
    expect(card.version).toBe('1.5');
    expect(
      typedNodes(card)
        .map((node) => node.type)
        .filter((type) => !ALLOWED_TYPES.has(type ?? '')),
    ).toEqual([]);
    expect(card.actions).toBeUndefined();
  });

  it('should name the headline, plan number, unit, status and deadline', () => {
    expect(shownTexts(card)).toEqual([
      '方案 PP-2027-000123 等待经营管理部审批',
      '方案编号',
      'PP-2027-000123',
      '营销单位',
      '浦东分公司',
      '状态',
      '审批中',
      '期限',
      '12月3日 18:00 前',
    ]);
  });

  it('should show no figure: no money, no ratio, no digit beyond the plan number and the deadline', () => {
    const json = JSON.stringify(card);
    const digits = (text: string) => text.replace(/\D/g, '').split('').sort().join('');

    expect(json).not.toMatch(/[¥%]/);
    expect(digits(shownTexts(card).join(''))).toBe(
      digits(channelNotice.id + channelNotice.deadline + channelNotice.headline),
    );
  });

  it('should show user text literally', () => {
    const texts = shownTexts(cardOf(channelNoticeCard({ ...channelNotice, unitName: '**浦东** ${evil}' })));

    expect(texts).toContain('\\*\\*浦东\\*\\* ${evil}');
  });

  it('should label the notice in English for an English-speaking team', () => {
    expect(shownTexts(cardOf(channelNoticeCard({ ...channelNotice, lang: 'en-US' })))).toEqual(
      expect.arrayContaining(['Plan', 'Unit', 'Status', 'Deadline']),
    );
  });
});
