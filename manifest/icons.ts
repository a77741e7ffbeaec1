/**
 * The app's two icons, drawn from geometry so they can be remade exactly: a hand mirror ("Reflect").
 * - colour.png: 192x192 RGB, the white mirror with a light glint on the accent colour, full bleed, the
 *   symbol inside Teams' central safe area; edges anti-aliased by 4x4 supersampling.
 * - outline.png: 32x32 RGBA, the same mirror in white on transparent; alpha is only 0 or 255, as Teams asks.
 * The PNGs are committed in manifest/; `node scripts/build.mjs icons && node dist/icons.js` rewrites them.
 */
import type { Image } from './png';

/** The accent colour (also the manifest's accentColor). */
export const ACCENT = { r: 0x1f, g: 0x5f, b: 0x7a };
const WHITE = { r: 255, g: 255, b: 255 };
const GLINT = { r: 0x9f, g: 0xd8, b: 0xe8 };

interface Mirror {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  stroke: number;
  handleHalfWidth: number;
  handleTop: number;
  handleBottom: number;
}

function inEllipse(x: number, y: number, cx: number, cy: number, rx: number, ry: number): boolean {
  const dx = (x - cx) / rx;
  const dy = (y - cy) / ry;
  return dx * dx + dy * dy <= 1;
}

function inRing(m: Mirror, x: number, y: number): boolean {
  return inEllipse(x, y, m.cx, m.cy, m.rx, m.ry) && !inEllipse(x, y, m.cx, m.cy, m.rx - m.stroke, m.ry - m.stroke);
}

function inHandle(m: Mirror, x: number, y: number): boolean {
  if (Math.abs(x - m.cx) > m.handleHalfWidth || y > m.handleBottom) return false;
  if (y >= m.handleTop) return true;
  return false;
}

// A rounded end on the handle: a circle at the bottom.
function inHandleEnd(m: Mirror, x: number, y: number): boolean {
  const dx = x - m.cx;
  const dy = y - m.handleBottom;
  return dx * dx + dy * dy <= m.handleHalfWidth * m.handleHalfWidth;
}

const COLOUR_MIRROR: Mirror = { cx: 96, cy: 80, rx: 34, ry: 41, stroke: 9, handleHalfWidth: 7, handleTop: 116, handleBottom: 150 };

/** The glint: a short arc band inside the mirror, upper left. */
function inGlint(x: number, y: number): boolean {
  const m = COLOUR_MIRROR;
  const inner = inEllipse(x, y, m.cx, m.cy, m.rx - m.stroke - 6, m.ry - m.stroke - 6);
  const innerer = inEllipse(x, y, m.cx, m.cy, m.rx - m.stroke - 12, m.ry - m.stroke - 12);
  return inner && !innerer && x < m.cx - 4 && y < m.cy - 4;
}

export function colourIcon(): Image {
  const size = 192;
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 3);
  const m = COLOUR_MIRROR;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = px + (sx + 0.5) / samples;
          const y = py + (sy + 0.5) / samples;
          const c = inRing(m, x, y) || inHandle(m, x, y) || inHandleEnd(m, x, y) ? WHITE : inGlint(x, y) ? GLINT : ACCENT;
          r += c.r;
          g += c.g;
          b += c.b;
        }
      }
      const n = samples * samples;
      const at = (py * size + px) * 3;
      pixels[at] = Math.round(r / n);
      pixels[at + 1] = Math.round(g / n);
      pixels[at + 2] = Math.round(b / n);
    }
  }
  return { width: size, height: size, colourType: 'rgb', pixels };
}

const OUTLINE_MIRROR: Mirror = { cx: 16, cy: 13, rx: 7.5, ry: 9, stroke: 2, handleHalfWidth: 1, handleTop: 21, handleBottom: 29 };

export function outlineIcon(): Image {
  const size = 32;
  const pixels = Buffer.alloc(size * size * 4);
  const m = OUTLINE_MIRROR;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Sample at the pixel centre: each pixel is fully white or fully transparent.
      const x = px + 0.5;
      const y = py + 0.5;
      const on = inRing(m, x, y) || inHandle(m, x, y);
      const at = (py * size + px) * 4;
      pixels[at] = 255;
      pixels[at + 1] = 255;
      pixels[at + 2] = 255;
      pixels[at + 3] = on ? 255 : 0;
    }
  }
  return { width: size, height: size, colourType: 'rgba', pixels };
}

/** The accent colour as the manifest writes it, e.g. "#1F5F7A". */
export function accentHex(): string {
  return '#' + [ACCENT.r, ACCENT.g, ACCENT.b].map((v) => v.toString(16).padStart(2, '0').toUpperCase()).join('');
}
