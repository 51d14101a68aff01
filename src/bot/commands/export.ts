import type { Command } from '../command';
import { exportOffer } from '../files/export-offer';
import type { BotServices } from '../services';

/**
 * `导出 [words]` / `export [words]`: the plans the `列表` words select, offered as an Excel file through
 * Teams' own file flow (a file-consent card; on accept the file is saved to the person's OneDrive and
 * shown in the chat). For ops, leaders and auditors, in the 1:1 chat only: Teams sends files to a bot's
 * 1:1 chats alone, and figures are shown nowhere else (SPEC §7).
 */
export const exportCommand = (services: BotServices): Command => ({
  names: ['export', '导出'],
  personalOnly: true,
  handle: ({ lang, user, args }) => exportOffer(services, user.aadObjectId ?? '', args, lang),
});
