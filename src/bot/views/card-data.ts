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

// Loops rather than Object.entries/fromEntries: this runs over every card's data on every render (issue 13).
function escapeDeep(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = escapeDeep((value as Record<string, unknown>)[key]);
    return out;
  }
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
  const record = node as Record<string, unknown>;
  const isInput = typeof record.type === 'string' && record.type.startsWith('Input.');
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (isInput && key === 'value' && value === null) continue;
    out[key] = withoutNullInputValues(value);
  }
  return out;
}
