/**
 * Just enough PNG to make and check the app icons: 8-bit RGB or RGBA, no interlacing. Encoding writes one
 * IDAT with filter 0 on every row; decoding handles all five filters, so it reads PNGs made elsewhere too.
 */
import { deflateSync, inflateSync } from 'node:zlib';

export type ColourType = 'rgb' | 'rgba';

export interface Image {
  width: number;
  height: number;
  colourType: ColourType;
  /** Row-major pixels, 3 (rgb) or 4 (rgba) bytes each. */
  pixels: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOUR_TYPE_CODE: Record<ColourType, number> = { rgb: 2, rgba: 6 };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309), as PNG chunks and zip entries use. */
export function crc32(...parts: Buffer[]): number {
  let c = 0xffffffff;
  for (const part of parts) for (const byte of part) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(head.subarray(4), data), 0);
  return Buffer.concat([head, data, crc]);
}

export function bytesPerPixel(colourType: ColourType): number {
  return colourType === 'rgba' ? 4 : 3;
}

export function encodePng(image: Image): Buffer {
  const bpp = bytesPerPixel(image.colourType);
  if (image.pixels.length !== image.width * image.height * bpp) throw new Error(`expected ${image.width * image.height * bpp} bytes of pixels, got ${image.pixels.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(image.width, 0);
  ihdr.writeUInt32BE(image.height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = COLOUR_TYPE_CODE[image.colourType];
  // compression 0, filter 0, interlace 0
  const stride = image.width * bpp;
  const raw = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) image.pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** The IHDR colour type code: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  colourTypeCode: number;
  interlace: number;
}

/** Reads the IHDR only (checks the signature and that IHDR comes first). */
export function readPngHeader(png: Buffer): PngHeader {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file (bad signature)');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file (IHDR is not the first chunk)');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24]!, colourTypeCode: png[25]!, interlace: png[28]! };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG, checking every chunk's CRC. */
export function decodePng(png: Buffer): Image {
  const header = readPngHeader(png);
  const colourType = header.colourTypeCode === 6 ? 'rgba' : header.colourTypeCode === 2 ? 'rgb' : undefined;
  if (!colourType || header.bitDepth !== 8 || header.interlace !== 0) {
    throw new Error(`unsupported PNG: colour type ${header.colourTypeCode}, bit depth ${header.bitDepth}, interlace ${header.interlace} (want 8-bit RGB or RGBA, not interlaced)`);
  }
  const idat: Buffer[] = [];
  let at = 8;
  let ended = false;
  while (at < png.length && !ended) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (png.readUInt32BE(at + 8 + length) !== crc32(png.subarray(at + 4, at + 8), data)) throw new Error(`PNG chunk ${type} has a bad CRC`);
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  if (!ended) throw new Error('PNG has no IEND chunk');
  const bpp = bytesPerPixel(colourType);
  const stride = header.width * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length !== (stride + 1) * header.height) throw new Error('PNG image data has the wrong length');
  const pixels = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= bpp ? pixels[row + x - bpp]! : 0;
      const up = y > 0 ? pixels[row - stride + x]! : 0;
      const upLeft = x >= bpp && y > 0 ? pixels[row - stride + x - bpp]! : 0;
      let predicted: number;
      switch (filter) {
        case 0: predicted = 0; break;
        case 1: predicted = left; break;
        case 2: predicted = up; break;
        case 3: predicted = (left + up) >> 1; break;
        case 4: predicted = paeth(left, up, upLeft); break;
        default: throw new Error(`PNG row ${y} has unknown filter ${filter}`);
      }
      pixels[row + x] = (value + predicted) & 0xff;
    }
  }
  return { width: header.width, height: header.height, colourType, pixels };
}
