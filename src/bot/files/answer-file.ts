import type { Attachment } from 'botbuilder';
import { t, type Lang } from '../../i18n';
import { messageCard } from '../actions/application-actions-shared';
import type { BotServices } from '../services';
import { downloadText } from './download';
import { reviewCard } from './reference-review';
import { referenceKindOf, type SentFile } from './sent-file';

/** A reference file is small (a month's catalog, a policy); anything larger is not one. */
export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_FILE_WORDS = '1 MB';
/** Teams' download links answer at once; a stalled one must not hold the turn past Teams' own patience. */
const DOWNLOAD_TIMEOUT_MS = 10_000;

/**
 * A file a person sent in their 1:1 chat: a catalog CSV or a policy YAML is fetched, read and
 * answered with its review card; anything else, or a file that cannot be fetched, in words.
 */
export async function answerFile(
  services: BotServices,
  actor: string,
  file: SentFile,
  lang: Lang,
): Promise<Attachment | string> {
  const kind = referenceKindOf(file.name);
  if (!kind) return t(lang, 'import.unknownType', { name: file.name });
  const downloaded = await downloadText(file.downloadUrl, { maxBytes: MAX_FILE_BYTES, timeoutMs: DOWNLOAD_TIMEOUT_MS });
  if (!downloaded.ok) {
    const problem = downloaded.error;
    if (problem.code !== 'unreachable')
      services.log.info('reference file refused', { name: file.name, problem: problem.code });
    else services.log.warn('reference file not downloaded', { name: file.name, detail: problem.detail });
    return messageCard(
      problem.code === 'too_large'
        ? t(lang, 'import.tooLarge', { name: file.name, limit: MAX_FILE_WORDS })
        : problem.code === 'not_text'
          ? t(lang, 'import.notText', { name: file.name })
          : t(lang, 'import.downloadFailed', { name: file.name, detail: problem.detail }),
    );
  }
  return reviewCard(services, actor, { kind, name: file.name, text: downloaded.value }, lang);
}
