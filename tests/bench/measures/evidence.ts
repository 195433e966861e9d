/**
 * The evidence pack's throughput: `files` files of `mbPerFile` MB each (random bytes) through the
 * app's own `buildEvidencePack` (SHA-256 recomputed per file, the ZIP written by fflate), in Node.
 * Baseline in the same run: only hashing the same bytes with the same Web Crypto call, which any pack
 * that vouches for its files must do, so the ratio is what the ZIP adds on top.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { buildEvidencePack } from '../../../renderer/src/evidence/evidence-pack';
import type { EvidenceRow } from '../../../renderer/src/evidence/evidence-row';
import { sha256Hex } from '../../../renderer/src/evidence/sha256';
import { round } from '../report';

export interface EvidenceOutcome {
  files: number;
  totalMb: number;
  packMb: number;
  mbPerS: number;
  baselineMbPerS: number;
  seconds: number;
}

export async function measureEvidencePack(options: {
  files: number;
  mbPerFile: number;
  log: (message: string) => void;
}): Promise<EvidenceOutcome> {
  const { files, mbPerFile, log } = options;
  log(`Evidence pack: ${files} files of ${mbPerFile} MB…`);
  const bytes = Array.from({ length: files }, () => new Uint8Array(randomBytes(mbPerFile * 2 ** 20)));
  const hashes: string[] = [];
  const hashStart = performance.now();
  for (const file of bytes) hashes.push(await sha256Hex(file));
  const hashSeconds = (performance.now() - hashStart) / 1000;

  const rows: EvidenceRow[] = bytes.map((file, index) => ({
    id: randomUUID(),
    customerId: randomUUID(),
    companyName: `Customer ${index}`,
    confirmation: {
      key: `item-${index}`,
      day: '2026-12-01',
      signer: { firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', phoneNumber: null },
      source: 'acceptance-link',
    },
    fileName: `evidence-${index}.pdf`,
    mediaType: 'application/pdf',
    size: file.byteLength,
    sha256: hashes[index]!,
    addedBy: { name: 'admin@contoso.example', objectId: randomUUID() },
    addedAt: Date.now(),
  }));
  const start = performance.now();
  const pack = await buildEvidencePack(
    rows.map((row, index) => ({ row, bytes: async () => bytes[index] })),
    { createdAt: Date.now(), createdBy: 'admin@contoso.example' },
  );
  const seconds = (performance.now() - start) / 1000;
  const totalMb = files * mbPerFile;
  return {
    files,
    totalMb,
    packMb: round(pack.size / 2 ** 20, 1),
    mbPerS: round(totalMb / seconds, 1),
    baselineMbPerS: round(totalMb / hashSeconds, 1),
    seconds: round(seconds, 2),
  };
}
