import { z } from 'zod';

/** The attachment Teams gives a bot for a file a person sends in a 1:1 chat (manifest `supportsFiles`). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

const downloadInfo = z.object({
  contentType: z.literal(FILE_DOWNLOAD_INFO),
  name: z.string().trim().min(1).max(255),
  content: z.object({
    downloadUrl: z
      .string()
      .url()
      .refine((url) => /^https?:\/\//i.test(url)),
    fileType: z.string().max(32).optional(),
  }),
});

/** A file a person sent: its name and where to fetch it (the URL itself authorizes the download). */
export interface SentFile {
  name: string;
  downloadUrl: string;
}

/** The first file of a message's attachments, or null when it carries none (an inline image is not a file). */
export function sentFileOf(attachments: readonly unknown[] | undefined): SentFile | null {
  for (const attachment of attachments ?? []) {
    const parsed = downloadInfo.safeParse(attachment);
    if (parsed.success) return { name: parsed.data.name, downloadUrl: parsed.data.content.downloadUrl };
  }
  return null;
}

export type ReferenceKind = 'catalog' | 'policy';

/** Which reference data a file is, by its extension: a catalog CSV or a policy YAML; null for anything else. */
export function referenceKindOf(name: string): ReferenceKind | null {
  if (/\.csv$/i.test(name)) return 'catalog';
  if (/\.ya?ml$/i.test(name)) return 'policy';
  return null;
}
