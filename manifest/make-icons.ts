/** Rewrites manifest/color.png and manifest/outline.png from manifest/icons.ts (the PNGs are committed). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { colourIcon, outlineIcon } from './icons';
import { encodePng } from './png';

const dir = join(process.cwd(), 'manifest');
writeFileSync(join(dir, 'color.png'), encodePng(colourIcon()));
writeFileSync(join(dir, 'outline.png'), encodePng(outlineIcon()));
process.stdout.write('Wrote manifest/color.png (192x192 RGB) and manifest/outline.png (32x32 RGBA, white on transparent).\n');
process.stdout.write('The manifest content changed: run `npm run package -- --bump` to raise the app version.\n');
