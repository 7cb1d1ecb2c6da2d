import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The one system font folder the browser keeps: DejaVu, as on a machine that has no Noto fonts at all. */
const DEJAVU = '/usr/share/fonts/truetype/dejavu';

/**
 * An environment for a browser that sees none of the machine's Noto fonts. The CI machine has
 * Debian's Noto fonts, with the very family names the app ships (Noto Serif, Noto Serif Khmer, …), so
 * a PDF printed there could not tell whether our fonts or the machine's were used. This fontconfig
 * configuration keeps only DejaVu (fontconfig's own default rules still apply): a Noto font in the
 * PDF can then only be one the app shipped, and anything it failed to load shows up as DejaVu.
 */
export function noSystemNotoEnv(dir: string): Record<string, string> {
  if (!existsSync(DEJAVU)) throw new Error(`${DEJAVU} is missing: apt-get install fonts-dejavu-core (bash scripts/setup.sh test installs it)`);
  const cache = join(dir, 'fontconfig-cache');
  mkdirSync(cache, { recursive: true });
  const conf = join(dir, 'dejavu-only.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${DEJAVU}</dir>\n  <cachedir>${cache}</cachedir>\n  <include ignore_missing="yes">/etc/fonts/conf.d</include>\n</fontconfig>\n`,
  );
  return { FONTCONFIG_FILE: conf };
}
