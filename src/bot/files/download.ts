import { fail, ok, type Result } from '../../domain/result';

/** Why a file could not be read: larger than allowed, not UTF-8 text, or not fetched (with what went wrong). */
export type DownloadProblem = { code: 'too_large' } | { code: 'not_text' } | { code: 'unreachable'; detail: string };

export interface DownloadLimits {
  maxBytes: number;
  timeoutMs: number;
}

/**
 * Fetches a file Teams offers for download and decodes it as UTF-8 text, reading no more than
 * `maxBytes` (a larger file is abandoned as soon as it shows) and waiting no longer than `timeoutMs`.
 * A file-download-info URL carries its own short-lived authorization, so no token is sent.
 */
export async function downloadText(url: string, limits: DownloadLimits): Promise<Result<string, DownloadProblem>> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'follow' });
  } catch (error) {
    return fail({
      code: 'unreachable',
      detail: (error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message,
    });
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return fail({ code: 'unreachable', detail: `HTTP ${response.status}` });
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limits.maxBytes) {
    await response.body.cancel();
    return fail({ code: 'too_large' });
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) {
        await reader.cancel();
        return fail({ code: 'too_large' });
      }
      chunks.push(value);
    }
  } catch (error) {
    return fail({
      code: 'unreachable',
      detail: (error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message,
    });
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    // A file saved in GBK or as a spreadsheet is not a CSV PlanDesk can read; the person is told so.
    return fail({ code: 'not_text' });
  }
}
