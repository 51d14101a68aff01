import { expandWithLibrary, observeRenders } from '../../src/bot/cards';
// Loaded now rather than by the first card (it takes most of a second), so no test's timing includes it.
import '../../src/bot/card-library';

/**
 * Every card any test renders is also expanded by `adaptivecards-templating` itself, and the two must
 * be the same JSON (issue 13): the compiled templates of src/bot/card-binder.ts are a faster evaluation
 * of the library's language, not a dialect of it. A difference fails the test that rendered the card.
 */
export function checkAgainstLibrary(name: string, data: Record<string, unknown>, card: unknown, dir: string): void {
  const expected = JSON.stringify(expandWithLibrary(name, data, dir));
  const got = JSON.stringify(card);
  if (expected !== got)
    throw new Error(
      `card "${name}": the compiled template differs from adaptivecards-templating\nlibrary:  ${expected}\ncompiled: ${got}`,
    );
}

observeRenders(checkAgainstLibrary);
