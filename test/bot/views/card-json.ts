/** Reading rendered cards in tests: the card JSON as plain objects, walked depth first. */
import type { Attachment } from 'botbuilder';

export interface CardNode {
  type?: string;
  id?: string;
  text?: string;
  title?: string;
  value?: unknown;
  verb?: string;
  data?: Record<string, unknown>;
  style?: string;
  color?: string;
  isRequired?: boolean;
  errorMessage?: string;
  isVisible?: boolean;
  targetElements?: string[];
  version?: string;
  items?: CardNode[];
  body?: CardNode[];
  actions?: CardNode[];
  card?: CardNode;
  facts?: { title: string; value: string }[];
  refresh?: { action: CardNode; userIds: string[] };
  [key: string]: unknown;
}

/** Adaptive Card 1.5 elements and actions that Teams renders and these cards may use (never Action.Submit). */
export const ALLOWED_TYPES = new Set([
  'AdaptiveCard',
  'TextBlock',
  'RichTextBlock',
  'TextRun',
  'FactSet',
  'Container',
  'ColumnSet',
  'Column',
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.ChoiceSet',
  'Input.Toggle',
  'ActionSet',
  'Action.Execute',
  'Action.ShowCard',
  'Action.ToggleVisibility',
]);

/** The Adaptive Card inside an attachment. */
export function cardOf(attachment: Attachment): CardNode {
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment.content as CardNode;
}

/** Every object with a `type` in the card, depth first (the card itself first). */
export function typedNodes(node: unknown): CardNode[] {
  if (Array.isArray(node)) return node.flatMap(typedNodes);
  if (node === null || typeof node !== 'object') return [];
  const children = Object.values(node).flatMap(typedNodes);
  return 'type' in node && typeof node.type === 'string' ? [node as CardNode, ...children] : children;
}

/** The nodes of one type. */
export function nodesOfType(card: CardNode, type: string): CardNode[] {
  return typedNodes(card).filter((node) => node.type === type);
}

/** The element with an id; fails the test when there is none or more than one. */
export function byId(card: CardNode, id: string): CardNode {
  const found = typedNodes(card).filter((node) => node.id === id);
  expect(found).toHaveLength(1);
  return found[0] as CardNode;
}

/** The elements that follow the one with `id` in its container, up to the next input. */
export function followingTexts(card: CardNode, id: string): CardNode[] {
  const siblings = containerListOf(card, id);
  const after = siblings.slice(siblings.findIndex((node) => node.id === id) + 1);
  const end = after.findIndex((node) => node.type?.startsWith('Input.') === true);
  return end === -1 ? after : after.slice(0, end);
}

function containerListOf(node: unknown, id: string): CardNode[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) {
    if (node.some((child: CardNode) => child?.id === id)) return node as CardNode[];
    return node.map((child) => containerListOf(child, id)).find((list) => list.length > 0) ?? [];
  }
  return (
    Object.values(node)
      .map((child) => containerListOf(child, id))
      .find((list) => list.length > 0) ?? []
  );
}

/** Every text a person reads on the card: TextBlocks and FactSet rows. */
export function shownTexts(card: CardNode): string[] {
  return typedNodes(card).flatMap((node) => [
    ...(node.type === 'TextBlock' && node.text !== undefined ? [node.text] : []),
    ...(node.facts ?? []).flatMap((fact) => [fact.title, fact.value]),
  ]);
}
