import { open } from 'node:fs/promises';
import { fail, ok, type Result } from '../../domain/result';

/**
 * A OneDrive upload session takes a file in byte ranges, each a multiple of 320 KiB but the last; 10
 * MiB keeps a range's buffer small and an export of a few thousand plans to a single PUT.
 */
export const FRAGMENT_BYTES = 32 * 320 * 1024;
/** How long one range may take to be taken before the upload is given up. */
const FRAGMENT_TIMEOUT_MS = 60_000;

/** The bytes [start, end) of a file. */
async function bytesOf(path: string, start: number, end: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(end - start);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * Puts a file into the upload session Teams gave on accepting a file-consent card: PUT each range with
 * its Content-Range (`bytes 0-99/100`), as OneDrive's upload sessions take it. The URL carries its own
 * authorization, so no token is sent. Fails with what went wrong (an HTTP status, a timeout) when any
 * range is not taken; OneDrive keeps nothing of a session never completed.
 */
export async function uploadFile(
  url: string,
  path: string,
  size: number,
  fragmentBytes: number = FRAGMENT_BYTES,
): Promise<Result<void, string>> {
  if (size <= 0) return fail('empty file');
  for (let start = 0; start < size; start += fragmentBytes) {
    const end = Math.min(start + fragmentBytes, size);
    const body = await bytesOf(path, start, end);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'PUT',
        headers: { 'content-length': String(body.length), 'content-range': `bytes ${start}-${end - 1}/${size}` },
        body,
        signal: AbortSignal.timeout(FRAGMENT_TIMEOUT_MS),
      });
    } catch (error) {
      return fail((error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message);
    }
    await response.body?.cancel();
    if (!response.ok) return fail(`HTTP ${response.status}`);
  }
  return ok(undefined);
}
