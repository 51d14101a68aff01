import type { Attachment } from 'botbuilder';
import type { ImportRefused } from '../../app/use-cases';
import type { InputError } from '../../formats/input-error';
import { parseCatalogCsv } from '../../formats/catalog-csv';
import { parsePolicyYaml } from '../../formats/policy-yaml';
import { describeInputError } from '../../i18n/describe-input-error';
import { describeRefusal } from '../../i18n/describe-refusal';
import { t, type Lang } from '../../i18n';
import { messageCard } from '../actions/application-actions-shared';
import { catalogReviewView, importOutcomeView, policyReviewView } from '../present/reference-import-view';
import type { BotServices } from '../services';
import { referenceImportCard, type ReferenceImportView } from '../views/reference-import-card';
import { carry, MAX_CARRIED_CHARS } from './carried-file';
import type { ReferenceKind } from './sent-file';

/** A catalog or policy file as the person sent it. */
export interface ReferenceFile {
  kind: ReferenceKind;
  name: string;
  text: string;
}

/** The file read by its format's reader: the content, or every problem by line and column. */
export const readerFor = (file: ReferenceFile) => ({
  catalog: () => parseCatalogCsv(file.text, file.name),
  policy: () => parsePolicyYaml(file.text, file.name),
});

/** Why a file was not imported, as the card (or words) the person sees; nothing was stored. */
export function refusedImport(file: ReferenceFile, refused: ImportRefused<InputError>, lang: Lang): Attachment {
  if ('refusal' in refused) return messageCard(describeRefusal(refused.refusal, lang));
  const lines = describeInputError(refused.invalid, lang);
  return referenceImportCard(
    importOutcomeView(
      file.kind,
      file.name,
      lang,
      { text: t(lang, 'import.invalid', { name: file.name, count: lines.length }), tone: 'attention' },
      lines,
    ),
  );
}

/**
 * A file's review card: what it changes against the version in force (for a policy, the plans it
 * would re-tier and the effective date to choose), with 确认生效 and 取消 — or why it cannot be
 * imported. Nothing is stored either way.
 */
export async function reviewCard(
  services: BotServices,
  actor: string,
  file: ReferenceFile,
  lang: Lang,
  notice: ReferenceImportView['notice'] = null,
): Promise<Attachment> {
  const carried = carry(file.text);
  if (carried.payload.length > MAX_CARRIED_CHARS)
    return messageCard(t(lang, 'import.tooLarge', { name: file.name, limit: t(lang, 'import.cardLimit') }));
  const reviewed = { kind: file.kind, name: file.name, carried };
  const read = readerFor(file);
  if (file.kind === 'catalog') {
    const review = await services.useCases.reviewCatalogImport(actor, read.catalog);
    return review.ok
      ? referenceImportCard(catalogReviewView(review.value, reviewed, lang, notice))
      : refusedImport(file, review.error, lang);
  }
  const review = await services.useCases.reviewPolicyImport(actor, read.policy);
  return review.ok
    ? referenceImportCard(policyReviewView(review.value, reviewed, lang, notice))
    : refusedImport(file, review.error, lang);
}
