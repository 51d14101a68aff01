import type { Attachment } from 'botbuilder';
import type { ResolvedTerm, SearchFilter } from '../../app/use-cases';
import { shanghaiDate } from '../../domain/local-date';
import { t, type Lang } from '../../i18n';
import { describeRefusal } from '../../i18n/describe-refusal';
import { escapeMarkdown } from '../markdown';
import { describeSearch, searchFilterOf } from '../present/search-words';
import type { BotServices } from '../services';
import { fileConsentCard } from './export-consent';
import { exportWorkbook } from './export-workbook';

/** An export's filter in words, as the list's heading says it ("审批中 · 浦东分公司"), or "all plans". */
export function describeExport(filter: SearchFilter, terms: ResolvedTerm[], lang: Lang): string {
  const described = describeSearch(filter, terms, lang);
  return described.length > 0 ? described.join(' · ') : t(lang, 'export.all');
}

/**
 * `导出 [列表 words]`: the file-consent card of the export those words select, naming the file and
 * saying what it holds (the filter as understood, how many plans) and how large it is; the file is
 * written once to count and measure it, then removed (it is written again, as the plans then stand,
 * when the person accepts). Refused people and an empty selection are answered in words.
 */
export async function exportOffer(
  services: BotServices,
  actor: string,
  words: string,
  lang: Lang,
): Promise<Attachment | string> {
  const filter = searchFilterOf(words);
  const workbook = await exportWorkbook(lang);
  try {
    const offered = await services.useCases.offerExport(actor, filter, workbook);
    if (!offered.ok) return describeRefusal(offered.error, lang);
    const { exportId, rows, terms, asOf } = offered.value;
    const what = describeExport(filter, terms, lang);
    if (rows === 0) return escapeMarkdown(t(lang, 'export.empty', { filter: what }));
    const size = await workbook.finish();
    return fileConsentCard(
      t(lang, 'export.fileName', { date: shanghaiDate(new Date(asOf)) }),
      t(lang, 'export.offer', { filter: what, count: rows }),
      size,
      { kind: 'plandesk.export', exportId, filter },
    );
  } finally {
    await workbook.discard();
  }
}
