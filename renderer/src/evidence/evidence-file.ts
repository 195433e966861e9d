/**
 * Which files MCA Desk keeps as evidence of a customer's acceptance, and why one is refused. The kind
 * is read from the name and, for the binary formats, checked against the file's first bytes, so a
 * renamed Word file is not kept as a "PDF".
 */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

const KINDS = {
  pdf: { mediaType: 'application/pdf', signature: [0x25, 0x50, 0x44, 0x46] }, // %PDF
  png: { mediaType: 'image/png', signature: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mediaType: 'image/jpeg', signature: [0xff, 0xd8, 0xff] },
  jpeg: { mediaType: 'image/jpeg', signature: [0xff, 0xd8, 0xff] },
  // Outlook's .msg is an OLE compound file.
  msg: { mediaType: 'application/vnd.ms-outlook', signature: [0xd0, 0xcf, 0x11, 0xe0] },
  eml: { mediaType: 'message/rfc822', signature: null },
  txt: { mediaType: 'text/plain', signature: null },
} as const;

export type EvidenceExtension = keyof typeof KINDS;
/** For the file input's `accept`. */
export const EVIDENCE_ACCEPT = Object.keys(KINDS)
  .map((extension) => `.${extension}`)
  .join(',');

export type EvidenceRefusal = 'kind' | 'too-large' | 'empty' | 'content';

function extensionOf(name: string): EvidenceExtension | undefined {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  return extension in KINDS && name.includes('.') ? (extension as EvidenceExtension) : undefined;
}

export function evidenceMediaType(name: string): string {
  const extension = extensionOf(name);
  return extension ? KINDS[extension].mediaType : 'application/octet-stream';
}

/** Why a file (its name, size and first bytes) cannot be kept, or null when it can. */
export function evidenceRefusal(file: { name: string; size: number }, head: Uint8Array): EvidenceRefusal | null {
  const extension = extensionOf(file.name);
  if (!extension) return 'kind';
  if (file.size === 0) return 'empty';
  if (file.size > EVIDENCE_MAX_BYTES) return 'too-large';
  const signature = KINDS[extension].signature;
  if (signature && !signature.every((byte, index) => head[index] === byte)) return 'content';
  return null;
}
