import { Template } from 'adaptivecards-templating';
import { readdirSync } from 'node:fs';
import { compileCard } from '../../src/bot/card-binder';
import { CARDS_DIR, loadCardTemplate } from '../../src/bot/cards';

/** The compiled template and the library, on the same template and data. */
function both(template: Record<string, unknown>, data: Record<string, unknown>) {
  const library = (): unknown => new Template(template).expand({ $root: data });
  const compiled = (): unknown => compileCard(template)(data);
  return { library, compiled };
}

const card = (body: unknown[]) => ({ type: 'AdaptiveCard', version: '1.5', body });

describe('compiled card templates mean what adaptivecards-templating means', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['a path keeps its type', card([{ type: 'Input.Number', value: '${n}' }]), { n: 12 }],
    ['a missing path reads as its own text', card([{ type: 'TextBlock', text: '${nobody.here}' }]), {}],
    ['a null path stays null', card([{ type: 'Input.Text', value: '${x}' }]), { x: null }],
    ['text around paths', card([{ type: 'TextBlock', text: 'Plan ${id}: ${state}' }]), { id: 'PP-1', state: 'ok' }],
    ['text around a missing path', card([{ type: 'TextBlock', text: 'Plan ${id}' }]), {}],
    [
      '$data repeats an element per item, with $index',
      card([{ $data: '${rows}', type: 'TextBlock', text: '${name} #${$index}' }]),
      { rows: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
    ],
    [
      'one item is the element itself, none removes it',
      card([
        { $data: '${one}', type: 'TextBlock', text: '${$data}' },
        { $data: '${none}', type: 'TextBlock' },
      ]),
      { one: ['only'], none: [] },
    ],
    [
      '$root inside a repeated element',
      card([{ $data: '${rows}', type: 'TextBlock', text: '${$root.title}: ${name}' }]),
      { title: 'T', rows: [{ name: 'x' }] },
    ],
    [
      '$when: only true shows; a non-boolean, a missing value or text hides',
      card([
        { $when: '${flag}', type: 'TextBlock', text: 'true' },
        { $when: '${word}', type: 'TextBlock', text: 'word' },
        { $when: '${missing}', type: 'TextBlock', text: 'missing' },
        { $when: 'always', type: 'TextBlock', text: 'not an expression' },
      ]),
      { flag: true, word: 'yes' },
    ],
    [
      'comparisons with null and empty text',
      card([
        { $when: "${a != ''}", type: 'TextBlock', text: 'a' },
        { $when: "${b != ''}", type: 'TextBlock', text: 'b' },
        { $when: '${c != null}', type: 'TextBlock', text: 'c' },
        { $when: '${d != null}', type: 'TextBlock', text: 'd' },
        { $when: '${e == null}', type: 'TextBlock', text: 'e' },
      ]),
      { a: '', b: 'x', c: null, d: 0 },
    ],
    [
      'objects and lists compared with null, and with each other',
      card([
        { $when: '${o != null}', type: 'TextBlock', text: 'o' },
        { $when: '${o == null}', type: 'TextBlock', text: 'not o' },
        { $when: '${l != null}', type: 'TextBlock', text: 'l' },
        { $when: '${empty == null}', type: 'TextBlock', text: 'empty' },
        { $when: '${null != o}', type: 'TextBlock', text: 'null first' },
        { $when: '${o == p}', type: 'TextBlock', text: 'same object' },
        { $when: '${l == m}', type: 'TextBlock', text: 'same list' },
      ]),
      { o: { k: 1 }, p: { k: 1 }, l: [1, 2], m: [1, 2], empty: [] },
    ],
    [
      'count of lists, of text and of nothing',
      card([
        { $when: '${count(list) > 0}', type: 'TextBlock', text: 'list' },
        { $when: '${count(empty) == 0}', type: 'TextBlock', text: 'empty' },
        { $when: '${count(word) > 2}', type: 'TextBlock', text: 'word' },
        { $when: '${count(missing) > 0}', type: 'TextBlock', text: 'missing' },
        { $when: '${count(object) > 0}', type: 'TextBlock', text: 'object' },
      ]),
      { list: [1], empty: [], word: 'abc', object: { k: 1 } },
    ],
    [
      'comparing lists goes to the library',
      card([{ $when: '${a == b}', type: 'TextBlock', text: 'same' }]),
      { a: [1, 2], b: [1, 2] },
    ],
    [
      'other functions go to the library',
      card([{ type: 'TextBlock', text: "${join(words, ', ')}", isSubtle: '${!loud}' }]),
      { words: ['a', 'b'], loud: false },
    ],
    [
      'a name in another case is found, as the library finds it',
      card([{ type: 'TextBlock', text: '${Title}' }]),
      { title: 'lower' },
    ],
    [
      'a dropped property value is null; a dropped array item is gone',
      card([{ type: 'Container', selectAction: { $when: '${false}', type: 'Action.Submit' }, items: [] }]),
      {},
    ],
    [
      'a literal on its own, and comparisons of numbers and of nothing',
      card([
        { type: 'TextBlock', text: '${5}', wrap: '${true}' },
        { $when: '${true}', type: 'TextBlock', text: 'literal true' },
        { $when: '${n >= 2}', type: 'TextBlock', text: 'n >= 2' },
        { $when: '${n < 2}', type: 'TextBlock', text: 'n < 2' },
        { $when: '${missing > 0}', type: 'TextBlock', text: 'missing > 0' },
        { $when: "${word > 'a'}", type: 'TextBlock', text: 'text compared' },
        { type: 'TextBlock', text: '${count(list)} of ${total}' },
      ]),
      { n: 2, word: 'b', list: [1, 2], total: 3 },
    ],
    [
      'user text is data, never template',
      card([{ type: 'TextBlock', text: '${comment}' }]),
      { comment: '${$root.secret} ${count(x)}', secret: 'leaked' },
    ],
  ];
  test.each(cases)('%s', (_, template, data) => {
    const { library, compiled } = both(template, data);
    expect(compiled()).toEqual(library());
  });

  test('a null inside text fails the render, as it does in the library', () => {
    const { library, compiled } = both(card([{ type: 'TextBlock', text: 'Plan ${id}' }]), { id: null });
    expect(library).toThrow();
    expect(compiled).toThrow();
  });
});

describe("PlanDesk's own card templates", () => {
  const names = readdirSync(CARDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length));

  test.each(names)('%s is bound without adaptive-expressions (no expression left to the library)', (name) => {
    expect(compileCard(loadCardTemplate(name)).delegated).toEqual([]);
  });

  test('an expression outside the compiled forms is left to the library, and named', () => {
    expect(compileCard(card([{ type: 'TextBlock', text: "${join(words, ', ')}" }])).delegated).toEqual([
      "${join(words, ', ')}",
    ]);
  });
});
