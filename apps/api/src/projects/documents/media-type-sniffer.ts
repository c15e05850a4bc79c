import { inflateRawSync } from 'node:zlib';
import type { DocumentMediaType } from '@carnet/domain';

/*
 * What a file is, told by its bytes only: the name's extension and the browser's Content-Type are
 * never trusted. Formats with a fixed signature are recognised from the first bytes; ZIP containers
 * are opened: an OpenDocument file starts with an uncompressed `mimetype` entry naming its type, an
 * Office Open XML file declares its main part in `[Content_Types].xml` (found through the ZIP's
 * central directory, at the end of the file).
 */

/** How many first bytes the sniffer needs. */
export const HEAD_BYTES = 64 * 1024;
/** How many last bytes the sniffer needs (the ZIP central directory of an office document fits). */
export const TAIL_BYTES = 1024 * 1024;

export type Signature = 'pdf' | 'png' | 'jpeg' | 'webp' | 'zip';

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

/** The family told by the first bytes (at least 12 are needed), or null for anything else (an executable…). */
export function signatureOf(head: Uint8Array): Signature | null {
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(head, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (startsWith(head, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) return 'zip';
  return null;
}

const ODF: Record<string, DocumentMediaType> = {
  'application/vnd.oasis.opendocument.text': 'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet': 'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation': 'application/vnd.oasis.opendocument.presentation',
};

/** The main part's content type in `[Content_Types].xml` → the document's media type. */
const OOXML: Array<[string, DocumentMediaType]> = [
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];

/**
 * The media type of a whole file, from its first bytes (`head`), its last bytes (`tail`) and its
 * size; null when the content is not an accepted type.
 */
export function sniffMediaType(head: Uint8Array, tail: Uint8Array, size: number): DocumentMediaType | null {
  switch (signatureOf(head)) {
    case 'pdf':
      return 'application/pdf';
    case 'png':
      return 'image/png';
    case 'jpeg':
      return 'image/jpeg';
    case 'webp':
      return 'image/webp';
    case 'zip':
      return openDocumentType(head) ?? officeOpenXmlType(head, tail, size);
    default:
      return null;
  }
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;

/** OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the type. */
function openDocumentType(head: Uint8Array): DocumentMediaType | null {
  if (head.length < 30) return null;
  const method = u16(head, 8);
  const length = u32(head, 18);
  const nameLength = u16(head, 26);
  const extraLength = u16(head, 28);
  if (method !== 0 || ascii(head, 30, 30 + nameLength) !== 'mimetype' || length > 100) return null;
  const start = 30 + nameLength + extraLength;
  return ODF[ascii(head, start, start + length)] ?? null;
}

/** Office Open XML: read `[Content_Types].xml` through the central directory and find the main part. */
function officeOpenXmlType(head: Uint8Array, tail: Uint8Array, size: number): DocumentMediaType | null {
  const tailStart = size - tail.length;
  const at = (offset: number, length: number): Uint8Array | null => {
    if (offset >= 0 && offset + length <= head.length) return head.subarray(offset, offset + length);
    if (offset >= tailStart && offset + length <= size) return tail.subarray(offset - tailStart, offset - tailStart + length);
    return null;
  };
  // End of central directory: 22 bytes plus a comment of at most 65 535, at the very end.
  let eocd = -1;
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - 22 - 0xffff); i--) {
    if (u32(tail, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = u16(tail, eocd + 10);
  const directory = at(u32(tail, eocd + 16), u32(tail, eocd + 12));
  if (!directory) return null;
  let p = 0;
  for (let n = 0; n < entries && p + 46 <= directory.length; n++) {
    if (u32(directory, p) !== 0x02014b50) return null;
    const method = u16(directory, p + 10);
    const compressed = u32(directory, p + 20);
    const nameLength = u16(directory, p + 28);
    const next = p + 46 + nameLength + u16(directory, p + 30) + u16(directory, p + 32);
    if (ascii(directory, p + 46, p + 46 + nameLength) === '[Content_Types].xml') {
      const local = u32(directory, p + 42);
      const header = at(local, 30);
      if (!header || u32(header, 0) !== 0x04034b50) return null;
      const data = at(local + 30 + u16(header, 26) + u16(header, 28), compressed);
      if (!data || compressed > 1024 * 1024) return null;
      let xml: string;
      try {
        xml = (method === 8 ? inflateRawSync(data, { maxOutputLength: 4 * 1024 * 1024 }) : method === 0 ? Buffer.from(data) : null)?.toString('utf8') ?? '';
      } catch {
        return null;
      }
      return OOXML.find(([main]) => xml.includes(`ContentType="${main}"`))?.[1] ?? null;
    }
    p = next;
  }
  return null;
}
