import { recordFinding } from '../../app/approval/spot-check-finding';
import { t } from '../../i18n';
import type { Command } from '../command';
import type { BotServices } from '../services';

const PASS = /^(通过|pass|ok)$/i;
const ISSUE = /^(问题|issue)$/i;

/** `抽检 PP-… 通过|问题 <说明>` / `spotcheck PP-… pass|issue <note>`: an auditor's finding on a sampled plan. */
export const spotCheckCommand = (services: BotServices): Command => ({
  names: ['spotcheck', '抽检'],
  async handle({ lang, user, args }) {
    const [idWord = '', verdict = '', ...note] = args.trim().split(/\s+/);
    const id = /^PP-\d{4}-\d{6}$/i.test(idWord) ? idWord.toUpperCase() : null;
    const result = PASS.test(verdict) ? 'pass' : ISSUE.test(verdict) ? 'issue' : null;
    if (!id || !result || !user.aadObjectId) return t(lang, 'bot.spotcheck.usage');
    const recorded = await recordFinding(services.approval, { applicationId: id, result, note: note.join(' ') || null, actor: user.aadObjectId });
    if (recorded.ok) return t(lang, result === 'pass' ? 'bot.spotcheck.passed' : 'bot.spotcheck.issue', { id, month: recorded.value.month });
    return t(lang, `bot.spotcheck.${recorded.error.code}`, { id });
  },
});
