import { PLAN_NUMBER } from '../../domain/plan-number';
import { describeRefusal } from '../../i18n/describe-refusal';
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
    const id = PLAN_NUMBER.test(idWord.toUpperCase()) ? idWord.toUpperCase() : null;
    const result = PASS.test(verdict) ? 'pass' : ISSUE.test(verdict) ? 'issue' : null;
    if (!id || !result || !user.aadObjectId) return t(lang, 'bot.spotcheck.usage');
    const recorded = await services.useCases.recordFinding({
      applicationId: id,
      result,
      note: note.join(' ') || null,
      actor: user.aadObjectId,
    });
    if (recorded.ok)
      return t(lang, result === 'pass' ? 'bot.spotcheck.passed' : 'bot.spotcheck.issue', {
        id,
        month: recorded.value.month,
      });
    return describeRefusal(recorded.error, lang);
  },
});
