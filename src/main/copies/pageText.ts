import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The text of each page's footer band of a PDF as a reader's tool extracts it: poppler's pdftotext (Debian's
 * poppler-utils), which shapes the text back from the fonts' ToUnicode maps as every viewer does. It is
 * a port so that a machine without poppler says so ("page text not checked") instead of failing.
 */
export type PageTextReader = (pdf: Uint8Array) => string[] | undefined;

export const pdftotextPages: PageTextReader = (pdf) => {
  const dir = mkdtempSync(join(tmpdir(), 'minuta-verify-'));
  try {
    const file = join(dir, 'copy.pdf');
    writeFileSync(file, pdf);
    // Only the bottom band of each A4 page, where the footer prints the fingerprint: reading the
    // whole text of a 200-page copy takes pdftotext about three times as long.
    const out = execFileSync('pdftotext', ['-enc', 'UTF-8', '-x', '0', '-y', '770', '-W', '600', '-H', '72', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000, stdio: ['ignore', 'pipe', 'ignore'] });
    // pdftotext ends every page with a form feed.
    const pages = out.split('\f');
    if (pages.length > 0 && pages[pages.length - 1]!.trim() === '') pages.pop();
    return pages;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // pdftotext exits non-zero on a PDF it cannot read: no page prints anything then.
    return [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
