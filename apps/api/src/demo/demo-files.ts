import { crc32, deflateSync } from 'node:zlib';

/*
 * Tiny but valid files for the demo projects (and the tests): a one-page PDF with a line of text
 * and a small PNG, both built here so that no binary sits in the repository.
 */

/** A one-page A4 PDF showing `lines` (Latin-1 text), with a correct cross-reference table. */
export function demoPdf(lines: string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${escape(line)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A `width` × `height` RGB PNG painted by `color(x, y)`. */
export function demoPng(width: number, height: number, color: (x: number, y: number) => [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // no filter
    for (let x = 0; x < width; x++) rows.push(...color(x, y));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

type Rgb = [number, number, number];

/** A shape of a generated picture, painted in order over the previous ones. */
export type PictureShape =
  | { rect: [x: number, y: number, w: number, h: number]; color: Rgb }
  /** A triangle given by its three corners. */
  | { triangle: [[number, number], [number, number], [number, number]]; color: Rgb }
  | { circle: [cx: number, cy: number, r: number]; color: Rgb }
  /** Sky to ground: a vertical gradient over the whole picture. */
  | { gradient: [top: Rgb, bottom: Rgb] };

/**
 * A picture drawn in code from simple shapes (no binary in the repository, no third-party image): the demo
 * projects' illustrations, published under the Licence Ouverte like the rest of the demo content.
 */
export function demoPicture(width: number, height: number, shapes: PictureShape[]): Buffer {
  const pixels = new Uint8Array(width * height * 3);
  const put = (x: number, y: number, [r, g, b]: Rgb) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const i = (y * width + x) * 3;
    pixels[i] = r;
    pixels[i + 1] = g;
    pixels[i + 2] = b;
  };
  for (const shape of shapes) {
    if ('gradient' in shape) {
      const [top, bottom] = shape.gradient;
      for (let y = 0; y < height; y++) {
        const t = y / Math.max(1, height - 1);
        const c = top.map((v, k) => Math.round(v + (bottom[k]! - v) * t)) as Rgb;
        for (let x = 0; x < width; x++) put(x, y, c);
      }
    } else if ('rect' in shape) {
      const [x0, y0, w, h] = shape.rect.map(Math.round) as [number, number, number, number];
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) put(x, y, shape.color);
    } else if ('circle' in shape) {
      const [cx, cy, r] = shape.circle;
      for (let y = Math.floor(cy - r); y <= cy + r; y++) for (let x = Math.floor(cx - r); x <= cx + r; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) put(x, y, shape.color);
    } else {
      const [[ax, ay], [bx, by], [cx, cy]] = shape.triangle;
      const side = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
      for (let y = Math.floor(Math.min(ay, by, cy)); y <= Math.max(ay, by, cy); y++)
        for (let x = Math.floor(Math.min(ax, bx, cx)); x <= Math.max(ax, bx, cx); x++) {
          const d1 = side(x, y, ax, ay, bx, by);
          const d2 = side(x, y, bx, by, cx, cy);
          const d3 = side(x, y, cx, cy, ax, ay);
          const negative = d1 < 0 || d2 < 0 || d3 < 0;
          const positive = d1 > 0 || d2 > 0 || d3 > 0;
          if (!(negative && positive)) put(x, y, shape.color);
        }
    }
  }
  return demoPng(width, height, (x, y) => {
    const i = (y * width + x) * 3;
    return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
  });
}
