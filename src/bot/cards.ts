import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CardFactory, type Attachment } from 'botbuilder';
import { z } from 'zod';
import { compileCard, type BoundCard } from './card-binder';
import type * as Library from './card-library';

/** Card templates live in top-level `cards/`; the path is the same from `src/bot` and from the built `dist/bot`. */
export const CARDS_DIR = path.resolve(__dirname, '..', '..', 'cards');

// Teams renders Adaptive Cards up to 1.5; a template for a later version would show as an error card.
const CardTemplate = z.object({ type: z.literal('AdaptiveCard'), version: z.literal('1.5') }).passthrough();

// Templates are read once per file: they ship with the code and every invoke renders one.
const templates = new Map<string, Record<string, unknown>>();
// …and compiled once (card-binder.ts): parsing every `${…}` with adaptive-expressions' ANTLR parser was
// over half of an invoke's CPU, and evaluating the parsed expressions through the library most of the
// rest (issue 13).
const compiled = new Map<string, BoundCard>();

/**
 * For tests: called with every card rendered, its name and data, and what the compiled template made
 * of it, so a test can render the same with the library's `Template.expand` and compare.
 */
let onRender: ((name: string, data: Record<string, unknown>, card: unknown, dir: string) => void) | null = null;
export function observeRenders(observer: typeof onRender): void {
  onRender = observer;
}

/** The card as the templating library itself expands it: the reference the compiled templates must equal. */
export function expandWithLibrary(name: string, data: Record<string, unknown>, dir: string = CARDS_DIR): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the library is loaded only by the tests that compare with it
  const library = require('./card-library') as typeof Library;
  return library.expandWithLibrary(loadCardTemplate(name, dir), data);
}

/** Reads and checks one template, `cards/<name>.json` (once; later calls get the same, unmodified, object). */
export function loadCardTemplate(name: string, dir: string = CARDS_DIR): Record<string, unknown> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`card_name_invalid: "${name}" is not a card template name`);
  const file = path.join(dir, `${name}.json`);
  const known = templates.get(file);
  if (known) return known;
  const parsed = CardTemplate.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `card_template_invalid: ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  templates.set(file, parsed.data);
  return parsed.data;
}

/**
 * Binds data into a card template and wraps it as an attachment. Values are inserted as data, never
 * evaluated as template (`${x}` in a value stays `${x}`); but TextBlocks render Markdown, so user
 * text belongs in a RichTextBlock TextRun or goes through `escapeMarkdown` first.
 */
export function renderCard(name: string, data: Record<string, unknown>, dir: string = CARDS_DIR): Attachment {
  return CardFactory.adaptiveCard(expandCard(name, data, dir));
}

function compiledCard(name: string, dir: string): BoundCard {
  const file = path.join(dir, `${name}.json`);
  let bind = compiled.get(file);
  if (!bind) {
    bind = compileCard(loadCardTemplate(name, dir));
    compiled.set(file, bind);
  }
  return bind;
}

/** The card `cards/<name>.json` bound to `data`, from the template compiled on first use. */
export function expandCard(name: string, data: Record<string, unknown>, dir: string = CARDS_DIR): unknown {
  const card = compiledCard(name, dir)(data);
  onRender?.(name, data, card, dir);
  return card;
}
