import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { woffToSfnt } from './woff';

/**
 * The OFL fonts the app ships (npm fontsource packages, dependencies of the
 * app, so they travel with it): read once, handed to the HTML as data: URLs
 * so that the printed document needs no network, no file access and none of
 * the machine's fonts.
 */
const resolver = createRequire(import.meta.url);
let fontsourceRoot: string | undefined;
const cache = new Map<string, string>();

/** `node_modules/@fontsource` as resolved from this module. */
export function fontsourceDir(): string {
  fontsourceRoot ??= dirname(dirname(resolver.resolve('@fontsource/noto-serif/package.json')));
  return fontsourceRoot;
}

export function fontFile(file: string): Uint8Array {
  if (!/^[a-z0-9-]+\/files\/[a-z0-9-]+\.woff2$/.test(file)) throw new Error(`not a font file of ours: ${file}`);
  return readFileSync(join(fontsourceDir(), file));
}

export function fontDataUrl(file: string): string {
  let url = cache.get(file);
  if (!url) {
    url = `data:font/woff2;base64,${Buffer.from(fontFile(file)).toString('base64')}`;
    cache.set(file, url);
  }
  return url;
}

const sfntCache = new Map<string, Buffer>();

/**
 * A shipped font as a TrueType file, for embedding in a DOCX: the WOFF sibling of the WOFF2 file the
 * HTML uses (fontsource ships both; WOFF 1 unwraps with zlib alone), converted once per process.
 */
export function fontSfnt(file: string): Buffer {
  let ttf = sfntCache.get(file);
  if (!ttf) {
    fontFile(file); // the same check of the name, and the same error for a file that is not ours
    ttf = Buffer.from(woffToSfnt(readFileSync(join(fontsourceDir(), file.replace(/\.woff2$/, '.woff')))));
    sfntCache.set(file, ttf);
  }
  return ttf;
}
