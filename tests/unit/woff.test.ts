import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_SCRIPTS, SCRIPTS } from '../../src/shared/format';
import { fontsourceDir } from '../../src/main/export/fonts';
import { woffToSfnt } from '../../src/main/export/woff';

/** The OpenType table checksum: the sum of its big-endian 32-bit words, the last one zero-padded. */
function checksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.byteLength + 3) & ~3);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.byteLength; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

const faces = ALL_SCRIPTS.flatMap((s) => SCRIPTS[s].files.map((f) => ({ family: SCRIPTS[s].family, file: f.file.replace(/\.woff2$/, '.woff') })));

describe('WOFF → TrueType (the fonts the DOCX embeds)', () => {
  it.each(faces)('$file unwraps into a font whose tables match their checksums, and fontconfig reads it as $family', ({ family, file }) => {
    const ttf = woffToSfnt(readFileSync(join(fontsourceDir(), file)));
    const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
    expect([0x00010000, 0x4f54544f]).toContain(view.getUint32(0)); // TrueType or 'OTTO'
    const n = view.getUint16(4);
    expect(n).toBeGreaterThan(5);
    for (let i = 0; i < n; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(...ttf.subarray(at, at + 4));
      const [sum, offset, length] = [view.getUint32(at + 4), view.getUint32(at + 8), view.getUint32(at + 12)];
      expect(offset % 4, tag).toBe(0);
      expect(offset + length, tag).toBeLessThanOrEqual(ttf.byteLength);
      // head's stored checksum is taken with checksumAdjustment as zero.
      const data = ttf.slice(offset, offset + length);
      if (tag === 'head') new DataView(data.buffer).setUint32(8, 0);
      expect(checksum(data), tag).toBe(sum);
    }
    // A real reader of fonts: fontconfig's fc-scan (fontconfig package, there wherever Chromium is).
    const dir = mkdtempSync(join(tmpdir(), 'minuta-woff-'));
    try {
      writeFileSync(join(dir, 'font.ttf'), ttf);
      const scan = spawnSync('fc-scan', ['--format', '%{family}', join(dir, 'font.ttf')], { encoding: 'utf8' });
      expect(scan.error, 'fc-scan (Debian: fontconfig) is needed').toBeUndefined();
      expect(scan.stdout.split(',')).toContain(family);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses what is not a WOFF file, and a truncated one, by name', () => {
    expect(() => woffToSfnt(new TextEncoder().encode('{"format":"minuta"}'.padEnd(64)))).toThrow(/not a WOFF 1\.0 font/);
    const woff = readFileSync(join(fontsourceDir(), faces[0]!.file));
    expect(() => woffToSfnt(woff.subarray(0, 200))).toThrow(/runs past the end of the file/);
  });
});
