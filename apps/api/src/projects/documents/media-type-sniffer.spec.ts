import { describe, expect, it } from '@jest/globals';
import { sniffMediaType } from './media-type-sniffer.js';
import { docxBytes, odtBytes, zipOf } from './zip-fixture.js';

const sniff = (bytes: Buffer) => sniffMediaType(bytes.subarray(0, 65536), bytes.subarray(Math.max(0, bytes.length - 1048576)), bytes.length);

describe('sniffMediaType', () => {
  describe('when the content has a known signature', () => {
    it('recognises a PDF', () => expect(sniff(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('application/pdf'));
    it('recognises a PNG', () => expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('image/png'));
    it('recognises a JPEG', () => expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]))).toBe('image/jpeg'));
    it('recognises a WebP', () => expect(sniff(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp'));
  });

  describe('when the content is an office document', () => {
    it('reads an OpenDocument text from its mimetype entry', () => expect(sniff(odtBytes())).toBe('application/vnd.oasis.opendocument.text'));
    it('reads an OpenDocument spreadsheet', () =>
      expect(sniff(odtBytes('application/vnd.oasis.opendocument.spreadsheet'))).toBe('application/vnd.oasis.opendocument.spreadsheet'));
    it('reads a Word document from [Content_Types].xml', () =>
      expect(sniff(docxBytes())).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
    it('finds [Content_Types].xml when it is not the first entry', () =>
      expect(sniff(docxBytes(undefined, true))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
    it('reads an Excel workbook', () =>
      expect(sniff(docxBytes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'))).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ));
  });

  describe('when the content is not accepted', () => {
    it('refuses a Windows executable (MZ)', () => expect(sniff(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00', 'latin1'))).toBeNull());
    it('refuses a Linux executable (ELF)', () => expect(sniff(Buffer.from('\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00', 'latin1'))).toBeNull());
    it('refuses a macro-enabled Word document', () => expect(sniff(docxBytes('application/vnd.ms-word.document.macroEnabled.main+xml'))).toBeNull());
    it('refuses a plain ZIP archive', () => expect(sniff(zipOf([{ name: 'photo.exe', data: 'MZ' }]))).toBeNull());
    it('refuses an OpenDocument-like file naming another type', () => expect(sniff(odtBytes('application/x-shockwave-flash'))).toBeNull());
    it('refuses a truncated ZIP', () => expect(sniff(docxBytes().subarray(0, 60))).toBeNull());
    it('refuses HTML', () => expect(sniff(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull());
  });
});
