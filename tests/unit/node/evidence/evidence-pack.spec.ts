/**
 * Evidence of acceptance: which files are kept, their SHA-256, the repository (with its audit
 * entries) and the pack, whose manifest hashes are checked against the files inside the ZIP.
 */
import '../../../soak/fake-idb';
import { createHash, randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { McaDeskDatabase } from '../../../../renderer/src/db/database';
import { EvidenceRepository } from '../../../../renderer/src/db/evidence-repository';
import { EVIDENCE_MAX_BYTES, evidenceMediaType, evidenceRefusal } from '../../../../renderer/src/evidence/evidence-file';
import { buildEvidencePack, EvidencePackError, MANIFEST_COLUMNS, type PackProgress } from '../../../../renderer/src/evidence/evidence-pack';
import type { EvidenceRow } from '../../../../renderer/src/evidence/evidence-row';
import { sha256Hex } from '../../../../renderer/src/evidence/sha256';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const TXT = new TextEncoder().encode('Maria Carr accepted by phone on 2 December 2026.\n');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function row(fileName: string, bytes: Uint8Array, overrides: Partial<EvidenceRow> = {}): EvidenceRow {
  return {
    id: randomUUID(),
    customerId: '14876998-c0dc-46e6-9d0c-65a57a6c32ec',
    companyName: 'Adatum Corporation',
    confirmation: {
      key: 'item-1',
      day: '2026-12-02',
      signer: { firstName: 'Maria', lastName: 'Carr', email: 'maria.carr@adatum.example', phoneNumber: null },
      source: 'acceptance-link',
      requestId: '6a3c4a1e-2f5b-4a55-9a0e-0e6a4b8f3c21',
      attestationId: 'att-123',
      recordedBy: 'admin@contoso.example',
    },
    fileName,
    mediaType: evidenceMediaType(fileName),
    size: bytes.byteLength,
    sha256: sha(bytes),
    addedBy: { name: 'admin@contoso.example', objectId: '0b3f7e55-5a1f-4d4e-9f3c-2d1c9b0a7e61' },
    addedAt: Date.UTC(2026, 11, 3, 9, 30),
    ...overrides,
  };
}

describe('evidence files', () => {
  it('keeps PDF, EML, MSG, PNG, JPEG and TXT up to 20 MB, and says why anything else is refused', () => {
    expect(evidenceRefusal({ name: 'signed.PDF', size: PDF.length }, PDF)).toBeNull();
    expect(evidenceRefusal({ name: 'call.txt', size: TXT.length }, TXT)).toBeNull();
    expect(evidenceRefusal({ name: 'mail.eml', size: 10 }, TXT)).toBeNull();
    expect(evidenceRefusal({ name: 'shot.png', size: PNG.length }, PNG)).toBeNull();
    expect(evidenceRefusal({ name: 'form.docx', size: 10 }, PDF)).toBe('kind');
    expect(evidenceRefusal({ name: 'pdf', size: 10 }, PDF)).toBe('kind');
    expect(evidenceRefusal({ name: 'empty.pdf', size: 0 }, new Uint8Array())).toBe('empty');
    expect(evidenceRefusal({ name: 'big.pdf', size: EVIDENCE_MAX_BYTES + 1 }, PDF)).toBe('too-large');
    expect(evidenceRefusal({ name: 'exact.pdf', size: EVIDENCE_MAX_BYTES }, PDF)).toBeNull();
    // A Word file renamed to .pdf is not a PDF.
    expect(evidenceRefusal({ name: 'renamed.pdf', size: 10 }, Uint8Array.from([0x50, 0x4b, 3, 4]))).toBe('content');
    expect(evidenceRefusal({ name: 'photo.jpg', size: 10 }, PNG)).toBe('content');
  });

  it('hashes with SHA-256 as hex, the same as Node', async () => {
    expect(await sha256Hex(PDF)).toBe(sha(PDF));
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('the evidence repository', () => {
  it('adds and removes a file with its audit entry in the same transaction; a list reads no bytes', async () => {
    const database = new McaDeskDatabase(`evidence-${randomUUID()}`);
    const repository = new EvidenceRepository(database);
    const first = row('signed.pdf', PDF);
    const second = row('call.txt', TXT, { addedAt: first.addedAt + 1 });
    await repository.add(first, PDF);
    await repository.add(second, TXT);
    expect((await repository.list(first.customerId)).map((entry) => entry.fileName)).toEqual(['call.txt', 'signed.pdf']);
    expect(await repository.bytesOf(first.id)).toEqual(PDF);
    expect(await repository.count()).toBe(2);

    // The same id twice is refused and changes nothing.
    await expect(repository.add(first, PDF)).rejects.toThrow();
    expect(await repository.count()).toBe(2);

    expect(await repository.remove(first.id, 'sales@contoso.example', first.addedAt + 5)).toBe(true);
    expect(await repository.remove(first.id, 'sales@contoso.example', first.addedAt + 6)).toBe(false);
    expect(await repository.bytesOf(first.id)).toBeUndefined();
    const audit = await database.audit.toArray();
    expect(audit.map((entry) => [entry.kind, entry.itemId, entry.actor])).toEqual([
      ['evidence-added', first.id, 'admin@contoso.example'],
      ['evidence-added', second.id, 'admin@contoso.example'],
      ['evidence-removed', first.id, 'sales@contoso.example'],
    ]);
    expect(audit[0]!.detail).toContain(first.sha256);
    database.close();
  });
});

describe('the evidence pack', () => {
  it('holds every file and two manifests whose hashes match the files in the ZIP', async () => {
    const files = [
      { row: row('signed.pdf', PDF), bytes: PDF },
      { row: row('screenshot.png', PNG), bytes: PNG },
      // The same name again, and a name that tries to leave its folder.
      { row: row('signed.pdf', TXT, { mediaType: 'application/pdf' }), bytes: TXT },
      {
        row: row('../../etc/passwd.txt', TXT, { customerId: 'f1b0c2d3-0000-4000-8000-000000000001', companyName: 'Fourth Coffee' }),
        bytes: TXT,
      },
    ];
    const progress: PackProgress[] = [];
    const pack = await buildEvidencePack(
      files.map(({ row: r, bytes }) => ({ row: r, bytes: async () => bytes })),
      { createdAt: Date.UTC(2026, 11, 4), createdBy: 'admin@contoso.example' },
      (next) => progress.push(next),
    );
    expect(pack.type).toBe('application/zip');
    const zip = unzipSync(new Uint8Array(await pack.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!)) as { createdBy: string; files: Array<Record<string, string | number>> };
    expect(manifest.createdBy).toBe('admin@contoso.example');
    expect(manifest.files).toHaveLength(4);
    for (const entry of manifest.files) {
      const inZip = zip[entry.file as string];
      expect(inZip, `${entry.file} is in the ZIP`).toBeDefined();
      expect(sha(inZip!)).toBe(entry.sha256);
      expect(inZip!.byteLength).toBe(entry.size);
      expect(String(entry.file)).toMatch(/^files\/[^/]+\/[^/]+$/);
    }
    const paths = manifest.files.map((entry) => entry.file);
    expect(new Set(paths).size).toBe(4);
    // No segment climbs out of its folder (the name's slashes became underscores).
    expect(
      paths.every((path) =>
        String(path)
          .split('/')
          .every((segment) => segment !== '..' && segment !== '.' && !segment.startsWith('.')),
      ),
    ).toBe(true);
    expect(manifest.files[0]).toMatchObject({
      customerId: '14876998-c0dc-46e6-9d0c-65a57a6c32ec',
      companyName: 'Adatum Corporation',
      signerFirstName: 'Maria',
      signerEmail: 'maria.carr@adatum.example',
      acceptanceDate: '2026-12-02',
      source: 'acceptance-link',
      requestId: '6a3c4a1e-2f5b-4a55-9a0e-0e6a4b8f3c21',
      attestationId: 'att-123',
      originalName: 'signed.pdf',
      addedBy: 'admin@contoso.example',
    });

    const csv = Papa.parse<string[]>(
      strFromU8(zip['manifest.csv']!)
        .replace(/^\uFEFF/, '')
        .trim(),
    );
    expect(csv.data[0]).toEqual([...MANIFEST_COLUMNS]);
    expect(csv.data.slice(1).map((cells) => cells[MANIFEST_COLUMNS.indexOf('sha256')])).toEqual(
      manifest.files.map((entry) => entry.sha256),
    );
    expect(progress.map((step) => step.doneFiles)).toEqual([1, 2, 3, 4]);
    expect(progress.at(-1)!.doneBytes).toBe(progress.at(-1)!.totalBytes);
  });

  it('refuses to write a pack with a file that changed or is missing since it was added, and an empty one', async () => {
    const meta = { createdAt: 0, createdBy: 'admin@contoso.example' };
    const changed = row('signed.pdf', PDF);
    await expect(buildEvidencePack([{ row: changed, bytes: async () => TXT }], meta)).rejects.toMatchObject({
      code: 'changed',
      fileName: 'signed.pdf',
    });
    await expect(buildEvidencePack([{ row: changed, bytes: async () => undefined }], meta)).rejects.toBeInstanceOf(EvidencePackError);
    await expect(buildEvidencePack([], meta)).rejects.toMatchObject({ code: 'empty' });
  });
});
