import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CARDS_DIR, loadCardTemplate, renderCard } from '../../src/bot/cards';
import { escapeMarkdown } from '../../src/bot/markdown';

const templates = readdirSync(CARDS_DIR).filter((file) => file.endsWith('.json'));

interface Element {
  type: string;
  text?: string;
  inlines?: Element[];
}

const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A card in a scratch directory, so these tests do not depend on the product's cards. */
function scratchCard(card: object): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plandesk-cards-'));
  scratchDirs.push(dir);
  writeFileSync(path.join(dir, 'probe.json'), JSON.stringify(card));
  return dir;
}

const PROBE = {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Customer: ${customer}', wrap: true },
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '${note}' }] },
  ],
};

describe('card templates', () => {
  it('should have at least the help card', () => {
    expect(templates).toContain('help.json');
  });

  it.each(templates)('%s should parse as an Adaptive Card of version 1.5 that Teams renders', (file) => {
    const card = JSON.parse(readFileSync(path.join(CARDS_DIR, file), 'utf8')) as {
      $schema?: string;
      type?: string;
      version?: string;
    };

    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    expect(() => loadCardTemplate(file.replace(/\.json$/, ''))).not.toThrow();
  });
});

// Adaptive Card 1.5 elements and actions Teams renders on desktop and mobile (Action.Execute needs the Universal Actions flow).
const TEAMS_TYPES = new Set([
  'AdaptiveCard',
  'TextBlock',
  'RichTextBlock',
  'TextRun',
  'Image',
  'ImageSet',
  'Container',
  'ColumnSet',
  'Column',
  'FactSet',
  'ActionSet',
  'Table',
  'TableRow',
  'TableCell',
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.Time',
  'Input.Toggle',
  'Input.ChoiceSet',
  'Input.Choice',
  'Action.Submit',
  'Action.OpenUrl',
  'Action.ShowCard',
  'Action.ToggleVisibility',
  'Action.Execute',
  // Charts Teams draws (the reports); each carries a fallback for clients that draw none (tested below).
  'Chart.Donut',
  'Chart.VerticalBar',
  'Chart.VerticalBar.Grouped',
  'Chart.HorizontalBar',
]);

/** Every object in a card that has a `type`, depth first. */
function typedObjects(node: unknown): { type: string; wrap?: unknown }[] {
  if (Array.isArray(node)) return node.flatMap(typedObjects);
  if (node === null || typeof node !== 'object') return [];
  const children = Object.values(node).flatMap(typedObjects);
  return 'type' in node && typeof node.type === 'string' ? [node as { type: string }, ...children] : children;
}

describe.each(templates)('%s', (file) => {
  const card: unknown = JSON.parse(readFileSync(path.join(CARDS_DIR, file), 'utf8'));

  it('should use only elements and actions Teams renders', () => {
    const unknown = typedObjects(card)
      .map((o) => o.type)
      .filter((type) => !TEAMS_TYPES.has(type));
    expect(unknown).toEqual([]);
  });

  it('should give every chart a FactSet fallback, so a client that draws no charts still shows the figures', () => {
    const bare = typedObjects(card).filter(
      (o) => o.type.startsWith('Chart.') && (o as { fallback?: { type?: string } }).fallback?.type !== 'FactSet',
    );
    expect(bare).toEqual([]);
  });

  it('should wrap every TextBlock, so nothing is cut off on a phone', () => {
    const unwrapped = typedObjects(card).filter((o) => o.type === 'TextBlock' && o.wrap !== true);
    expect(unwrapped).toEqual([]);
  });
});

describe('renderCard', () => {
  it('should show a bound value literally, never expanding ${...} inside it', () => {
    const attachment = renderCard(
      'probe',
      { customer: '${evil}', note: '${string(1)} and ${customer}' },
      scratchCard(PROBE),
    );
    const body = (attachment.content as { body: Element[] }).body;

    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body[0]?.text).toBe('Customer: ${evil}');
    expect(body[1]?.inlines?.[0]?.text).toBe('${string(1)} and ${customer}');
  });

  it('should keep Markdown in a value as typed, for a TextRun to show literally', () => {
    const attachment = renderCard(
      'probe',
      { customer: 'x', note: '**bold** [link](https://example.com)' },
      scratchCard(PROBE),
    );

    expect((attachment.content as { body: Element[] }).body[1]?.inlines?.[0]?.text).toBe(
      '**bold** [link](https://example.com)',
    );
  });

  it('should refuse a template that is not version 1.5, naming the file', () => {
    const dir = scratchCard({ ...PROBE, version: '1.6' });

    expect(() => renderCard('probe', {}, dir)).toThrow(/card_template_invalid: .*probe\.json: version/);
  });

  it('should refuse a card name that could leave the cards directory', () => {
    expect(() => renderCard('../package', {})).toThrow(/card_name_invalid/);
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['_italic_', '\\_italic\\_'],
    ['[link](https://example.com)', '\\[link\\](https://example.com)'],
    ['- not a list\n  12. nor this', '\\- not a list\n  12\\. nor this'],
    ['back\\slash', 'back\\\\slash'],
  ])('should escape %j so a TextBlock shows it as typed', (raw, escaped) => {
    expect(escapeMarkdown(raw)).toBe(escaped);
  });

  it('should leave plain text, plan numbers and amounts alone', () => {
    expect(escapeMarkdown('PP-2027-000123 ¥1,234.50 (36 个月)')).toBe('PP-2027-000123 ¥1,234.50 (36 个月)');
  });
});
