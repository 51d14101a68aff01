import { delay } from '../../../scripts/support/processes';

/** A piece of text to find: a string is looked for as is, a RegExp is tested. */
export type TextMatch = string | RegExp;

export function matches(text: string, match: TextMatch): boolean {
  return typeof match === 'string' ? text.includes(match) : match.test(text);
}

/** Polls `read` until what it returns matches; the error shows the last text read. */
export async function waitForMatch(
  read: () => Promise<string>,
  match: TextMatch,
  timeoutMs: number,
  what: string,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await read();
    if (matches(last, match)) return last;
    if (Date.now() > deadline)
      throw new Error(`${what} did not show ${String(match)} within ${timeoutMs} ms; it reads:\n${last}`);
    await delay(100);
  }
}
