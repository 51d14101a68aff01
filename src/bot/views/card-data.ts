import { CardFactory, type Attachment } from 'botbuilder';
import { escapeMarkdown } from '../markdown';

/**
 * The same value with every string in it passed through `escapeMarkdown`: for view text a
 * TextBlock or FactSet shows, which Teams renders as Markdown. Not for input values or choice
 * titles, which are never Markdown (escaping would put backslashes into what the user submits).
 */
export function escapeStrings<T>(value: T): T {
  return escapeDeep(value) as T;
}

function escapeDeep(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDeep(v)]));
  return value;
}

/** A whole number or decimal as Input.Number's `value` wants it; null (left out of the card) for anything else. */
export function numberValue(text: string): number | null {
  return /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : null;
}

/** The non-empty parts on one line, e.g. "已批准 · 12月2日 10:15". */
export function joined(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' · ');
}

type CardJson = Record<string, unknown>;

/**
 * The expanded card with finishing touches the template language cannot express: inputs bound to
 * null lose their `value` (an empty Input.Number, rather than a null some mobile clients reject),
 * and `extra` adds top-level properties such as `refresh`.
 */
export function finishCard(attachment: Attachment, extra: CardJson = {}): Attachment {
  const card = withoutNullInputValues(attachment.content) as CardJson;
  return CardFactory.adaptiveCard({ ...card, ...extra });
}

function withoutNullInputValues(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNullInputValues);
  if (node === null || typeof node !== 'object') return node;
  const isInput = 'type' in node && typeof node.type === 'string' && node.type.startsWith('Input.');
  const entries = Object.entries(node).filter(([key, value]) => !(isInput && key === 'value' && value === null));
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutNullInputValues(value)]));
}
