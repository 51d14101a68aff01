// Only what the Adaptive Card Markdown subset acts on: emphasis, links and line-leading list markers.
// Escaping more (`.`, `-`, `(`) would show stray backslashes on Teams mobile, which honours escapes unevenly.
const INLINE = /[\\*_[\]]/g;
const BULLET = /^(\s*)([-+])(?=\s)/gm;
const NUMBERED = /^(\s*\d+)\.(?=\s)/gm;
/** Every character the three patterns above start from: most text has none, and is returned as it is. */
const ANY_MARK = /[\\*_[\]+\-.]/;

/**
 * Makes user text show literally in a TextBlock or FactSet, which render Markdown in Teams:
 * `**bold**` stays two stars and a word. Prefer a RichTextBlock `TextRun` for user text
 * (it is never Markdown); use this where a card has to show user text in a TextBlock.
 */
export function escapeMarkdown(text: string): string {
  if (!ANY_MARK.test(text)) return text;
  return text
    .replace(INLINE, (char) => `\\${char}`)
    .replace(BULLET, '$1\\$2')
    .replace(NUMBERED, '$1\\.');
}
