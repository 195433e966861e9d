/**
 * The evidence pack: one ZIP with `manifest.csv`, `manifest.json` and every file, each under its
 * customer's folder. Each file's SHA-256 is computed again from the bytes that go into the ZIP and
 * must equal the one recorded when it was added, so the manifest vouches for what is in the pack.
 * Written with fflate's streaming `Zip` (files stored as they are: PDFs and images are compressed
 * already; the manifests deflated).
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { escapeCell, toCsv } from '../bulk/csv-cells';
import type { EvidenceRow } from './evidence-row';
import { sha256Hex } from './sha256';

export interface PackInput {
  row: EvidenceRow;
  /** The file's bytes, read when the pack reaches it (so a large pack is never all in memory twice). */
  bytes: () => Promise<Uint8Array | undefined>;
}

export interface PackProgress {
  doneBytes: number;
  totalBytes: number;
  doneFiles: number;
  totalFiles: number;
}

export class EvidencePackError extends Error {
  constructor(
    readonly code: 'missing' | 'changed' | 'empty',
    readonly fileName: string,
  ) {
    super(`${fileName}: ${code}`);
  }
}

export const MANIFEST_COLUMNS = [
  'customerId',
  'companyName',
  'signerFirstName',
  'signerLastName',
  'signerEmail',
  'acceptanceDate',
  'source',
  'recordedBy',
  'requestId',
  'attestationId',
  'file',
  'originalName',
  'mediaType',
  'size',
  'sha256',
  'addedBy',
  'addedByObjectId',
  'addedAt',
] as const;

type ManifestEntry = Record<(typeof MANIFEST_COLUMNS)[number], string | number>;

function safeName(name: string): string {
  const cleaned = name
    .normalize('NFKC')
    // Control characters, and what Windows or a ZIP path would read as a folder or a drive.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  return cleaned.slice(0, 120) || 'file';
}

function manifestEntry(row: EvidenceRow, file: string): ManifestEntry {
  const { confirmation } = row;
  return {
    customerId: row.customerId,
    companyName: row.companyName,
    signerFirstName: confirmation.signer.firstName,
    signerLastName: confirmation.signer.lastName,
    signerEmail: confirmation.signer.email,
    acceptanceDate: confirmation.day ?? '',
    source: confirmation.source,
    recordedBy: confirmation.recordedBy ?? '',
    requestId: confirmation.requestId ?? '',
    attestationId: confirmation.attestationId ?? '',
    file,
    originalName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    addedBy: row.addedBy.name,
    addedByObjectId: row.addedBy.objectId,
    addedAt: new Date(row.addedAt).toISOString(),
  };
}

/** Builds the pack; `onProgress` is called after each file. Refuses (EvidencePackError) a file that is gone or changed. */
export async function buildEvidencePack(
  inputs: readonly PackInput[],
  meta: { createdAt: number; createdBy: string },
  onProgress?: (progress: PackProgress) => void,
): Promise<Blob> {
  if (inputs.length === 0) throw new EvidencePackError('empty', '');
  const chunks: Uint8Array[] = [];
  let failure: unknown;
  const done = new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, chunk, final) => {
      if (error) {
        failure = error;
        reject(error);
        return;
      }
      chunks.push(chunk);
      if (final) resolve();
    });
    void (async () => {
      const totalBytes = inputs.reduce((sum, input) => sum + input.row.size, 0);
      const progress: PackProgress = { doneBytes: 0, totalBytes, doneFiles: 0, totalFiles: inputs.length };
      const entries: ManifestEntry[] = [];
      const used = new Set<string>();
      for (const input of inputs) {
        const bytes = await input.bytes();
        if (!bytes) throw new EvidencePackError('missing', input.row.fileName);
        if ((await sha256Hex(bytes)) !== input.row.sha256) throw new EvidencePackError('changed', input.row.fileName);
        const folder = `${safeName(input.row.companyName)}-${input.row.customerId.slice(0, 8)}`;
        let path = `files/${folder}/${safeName(input.row.fileName)}`;
        for (let n = 2; used.has(path); n += 1) path = `files/${folder}/${n}-${safeName(input.row.fileName)}`;
        used.add(path);
        const entry = new ZipPassThrough(path);
        entry.mtime = input.row.addedAt;
        zip.add(entry);
        entry.push(bytes, true);
        entries.push(manifestEntry(input.row, path));
        progress.doneBytes += bytes.byteLength;
        progress.doneFiles += 1;
        onProgress?.({ ...progress });
        if (failure) return;
      }
      const json = new ZipDeflate('manifest.json', { level: 6 });
      zip.add(json);
      json.push(
        strToU8(
          `${JSON.stringify({ createdAt: new Date(meta.createdAt).toISOString(), createdBy: meta.createdBy, files: entries }, null, 2)}\n`,
        ),
        true,
      );
      const csv = new ZipDeflate('manifest.csv', { level: 6 });
      zip.add(csv);
      csv.push(
        strToU8(
          toCsv(
            MANIFEST_COLUMNS,
            entries.map((entry) => MANIFEST_COLUMNS.map((column) => escapeCell(String(entry[column])))),
          ),
        ),
        true,
      );
      zip.end();
    })().catch(reject);
  });
  await done;
  return new Blob(chunks as Uint8Array<ArrayBuffer>[], { type: 'application/zip' });
}
