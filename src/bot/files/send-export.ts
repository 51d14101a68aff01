import { MessageFactory, type Activity, type FileConsentCardResponse } from 'botbuilder';
import { t, type Lang } from '../../i18n';
import { describeRefusal } from '../../i18n/describe-refusal';
import { escapeMarkdown } from '../markdown';
import type { BotServices } from '../services';
import { exportConsentContext, fileInfoCard, uploadInfo } from './export-consent';
import { describeExport } from './export-offer';
import { exportWorkbook } from './export-workbook';
import { uploadFile } from './upload';

/** What answering a file-consent card needs from the turn: who, where, in which language, and how to speak. */
export interface ConsentTurn {
  lang: Lang;
  /** The person's AAD object id, when Teams gave one. */
  actor: string | undefined;
  isPersonal: boolean;
  services: BotServices;
  send(activity: Partial<Activity>): Promise<void>;
  /** Replaces the consent card with these words, so it cannot be accepted again (or says them, if no card is known). */
  replaceCard(text: string): Promise<void>;
}

/**
 * An export's consent card accepted: the file written as the plans stand now (by the use case, which
 * checks the role again and sends an offer once), PUT into the upload session Teams gave, then shown
 * with its file card and a line saying what it holds. The consent card is replaced in every case, by
 * what happened. An upload that fails is said in words; nothing claims the file was sent.
 */
export async function acceptExport(turn: ConsentTurn, response: FileConsentCardResponse): Promise<void> {
  const { lang, services } = turn;
  if (!turn.isPersonal) return turn.replaceCard(t(lang, 'bot.personalOnly'));
  const context = exportConsentContext.safeParse(response.context);
  const upload = uploadInfo.safeParse(response.uploadInfo);
  if (!context.success || !upload.success || !turn.actor) {
    services.log.warn('file consent not understood', {
      code: 'file_consent_unreadable',
      context: context.success,
      uploadInfo: upload.success,
    });
    return turn.replaceCard(t(lang, 'export.card.unreadable'));
  }
  const { exportId, filter } = context.data;
  const file = upload.data;
  const workbook = await exportWorkbook(lang);
  let problem = '';
  try {
    const sent = await services.useCases.sendExport(turn.actor, exportId, filter, {
      write: (row) => workbook.write(row),
      async deliver() {
        const uploaded = await uploadFile(file.uploadUrl, workbook.path, await workbook.finish());
        if (uploaded.ok) return true;
        problem = uploaded.error;
        services.log.warn('export not uploaded', { code: 'export_upload_failed', detail: uploaded.error });
        return false;
      },
    });
    if (!sent.ok) return await turn.replaceCard(describeRefusal(sent.error, lang));
    const { rows, terms, delivered } = sent.value;
    if (!delivered) {
      await turn.replaceCard(t(lang, 'export.card.failed'));
      return await turn.send(MessageFactory.text(t(lang, 'export.uploadFailed', { detail: problem })));
    }
    await turn.replaceCard(t(lang, 'export.card.sent', { name: file.name, count: rows }));
    const line = t(lang, 'export.sent', { count: rows, filter: describeExport(filter, terms, lang) });
    await turn.send({ type: 'message', text: escapeMarkdown(line), attachments: [fileInfoCard(file)] });
  } finally {
    await workbook.discard();
  }
}

/** An export's consent card declined: the card says no file was sent. */
export async function declineExport(turn: ConsentTurn): Promise<void> {
  await turn.replaceCard(t(turn.lang, 'export.card.declined'));
}
