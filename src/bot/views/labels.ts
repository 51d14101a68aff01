import { t, type Lang } from '../../i18n';
import { cardsZhCN, type CardLabelKey } from '../../i18n/cards.zh-CN';

/** A card label in a language, with {name} placeholders filled from params (from the one string table). */
export function label(lang: Lang, key: CardLabelKey, params: Record<string, string | number> = {}): string {
  return t(lang, key, params);
}

export interface LabelTree {
  [name: string]: string | LabelTree;
}

// Built once per language: every card render spreads the tree into its data (issue 13 measured the
// rebuild at ~7% of a refresh's CPU). Frozen, because every render shares it.
const trees = new Map<Lang, LabelTree>();

/**
 * Every card label of a language as a tree by the dots of its key, for the templates to read as
 * `${card.form.unit}` (or `${$root.card.form.unit}` inside a `$data` repetition). The same frozen
 * tree for every call in a language.
 */
export function labelTree(lang: Lang): LabelTree {
  const known = trees.get(lang);
  if (known) return known;
  const tree = deepFreeze(buildLabelTree(lang));
  trees.set(lang, tree);
  return tree;
}

function deepFreeze(tree: LabelTree): LabelTree {
  Object.values(tree).forEach((child) => typeof child === 'object' && deepFreeze(child));
  return Object.freeze(tree);
}

function buildLabelTree(lang: Lang): LabelTree {
  const root: LabelTree = {};
  for (const key of Object.keys(cardsZhCN) as CardLabelKey[]) {
    const text = label(lang, key);
    const names = key.split('.');
    const leaf = names.pop() ?? key;
    let node = root;
    for (const name of names) {
      const child = node[name] ?? {};
      if (typeof child === 'string') throw new Error(`card_label_clash: "${key}" extends the label "${name}"`);
      node[name] = child;
      node = child;
    }
    if (node[leaf] !== undefined) throw new Error(`card_label_clash: "${key}" is also a prefix of other labels`);
    node[leaf] = text;
  }
  return root;
}
