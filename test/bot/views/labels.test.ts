import { cardsEnUS } from '../../../src/i18n/cards.en-US';
import { cardsZhCN } from '../../../src/i18n/cards.zh-CN';
import { label, labelTree } from '../../../src/bot/views/labels';

describe('card labels', () => {
  it('should have every label in English too, none empty, all under card.', () => {
    expect(Object.keys(cardsEnUS).sort()).toEqual(Object.keys(cardsZhCN).sort());
    expect([...Object.values(cardsZhCN), ...Object.values(cardsEnUS)].filter((text) => text.trim() === '')).toEqual([]);
    expect(Object.keys(cardsZhCN).filter((key) => !key.startsWith('card.'))).toEqual([]);
  });

  it.each(['zh-CN', 'en-US'] as const)(
    'should nest the %s labels into the tree the templates read, no key clashing with another',
    (lang) => {
      const tree = labelTree(lang);

      expect(tree).toMatchObject({
        card: { form: { unit: label(lang, 'card.form.unit') }, action: { reject: label(lang, 'card.action.reject') } },
      });
    },
  );

  it('should fill placeholders and keep unknown ones', () => {
    expect(label('zh-CN', 'card.form.lineHeading', { n: 2 })).toBe('第 2 行');
    expect(label('en-US', 'card.form.lineHeading')).toBe('Line {n}');
  });
});
