/**
 * Scripts the minutes are promised in, and the one place that maps text to a
 * script and a script to its fonts. HTML (font stacks, `lang` on spans) and
 * DOCX (`w:rFonts` cs, `w:lang` bidi/eastAsia) both read this table, so the
 * PDF and the Word file can never disagree about which font draws Khmer.
 */

export type Script = 'latin' | 'khmer' | 'lao' | 'myanmar';

export interface ScriptInfo {
  /** BCP 47 tag set on runs of this script (hyphenation, spell-check, `:lang()`). */
  lang: string | undefined;
  /** The font family drawn in PDF and named in DOCX. */
  family: string;
  /**
   * Font files shipped with the app (fontsource packages, OFL), relative to
   * `node_modules/@fontsource/` — the same relative path under the fonts
   * folder the printer serves. Latin is needed for every document (digits,
   * punctuation and labels in any script).
   */
  files: FontFile[];
}

export interface FontFile {
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** Relative to `node_modules/@fontsource/`. */
  file: string;
  /** CSS unicode-range of the subset (from the package's unicode.json), when it is not the whole script. */
  unicodeRange?: string;
}

/** fontsource's subset ranges for the Latin files (its unicode.json). */
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

const fs = (pkg: string, subset: string, weight: 400 | 700, style: 'normal' | 'italic' = 'normal', unicodeRange?: string): FontFile => ({
  weight,
  style,
  file: `${pkg}/files/${pkg}-${subset}-${weight}-${style}.woff2`,
  ...(unicodeRange ? { unicodeRange } : {}),
});

export const SCRIPTS: Record<Script, ScriptInfo> = {
  latin: {
    lang: undefined,
    family: 'Noto Serif',
    files: [
      fs('noto-serif', 'latin', 400, 'normal', LATIN),
      fs('noto-serif', 'latin', 700, 'normal', LATIN),
      fs('noto-serif', 'latin', 400, 'italic', LATIN),
      fs('noto-serif', 'latin', 700, 'italic', LATIN),
      fs('noto-serif', 'latin-ext', 400, 'normal', LATIN_EXT),
      fs('noto-serif', 'latin-ext', 700, 'normal', LATIN_EXT),
    ],
  },
  khmer: {
    lang: 'km',
    family: 'Noto Serif Khmer',
    files: [fs('noto-serif-khmer', 'khmer', 400), fs('noto-serif-khmer', 'khmer', 700)],
  },
  lao: {
    lang: 'lo',
    family: 'Noto Serif Lao',
    files: [fs('noto-serif-lao', 'lao', 400), fs('noto-serif-lao', 'lao', 700)],
  },
  myanmar: {
    lang: 'my',
    family: 'Noto Serif Myanmar',
    files: [fs('noto-serif-myanmar', 'myanmar', 400), fs('noto-serif-myanmar', 'myanmar', 700)],
  },
};

export const ALL_SCRIPTS: readonly Script[] = ['latin', 'khmer', 'lao', 'myanmar'];

/** The script of one code point, or undefined for neutral characters (spaces, digits, punctuation). */
export function scriptOf(cp: number): Script | undefined {
  if ((cp >= 0x1780 && cp <= 0x17ff) || (cp >= 0x19e0 && cp <= 0x19ff)) return 'khmer';
  if (cp >= 0x0e80 && cp <= 0x0eff) return 'lao';
  if ((cp >= 0x1000 && cp <= 0x109f) || (cp >= 0xaa60 && cp <= 0xaa7f) || (cp >= 0xa9e0 && cp <= 0xa9ff)) return 'myanmar';
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f)) return 'latin';
  return undefined;
}

/** Joiners and zero-width characters belong to the run they sit in, whatever their block. */
const isNeutral = (cp: number) => scriptOf(cp) === undefined;

export interface ScriptSpan {
  text: string;
  script: Script;
}

/**
 * Splits text into runs of one script. Neutral characters (spaces, digits,
 * punctuation, ZWSP/ZWJ) join the preceding run — or the following one at the
 * start — so that a Khmer phrase with spaces stays one run and shapes as one.
 */
export function splitByScript(text: string): ScriptSpan[] {
  const out: ScriptSpan[] = [];
  let current: Script | undefined;
  let buf = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const s = isNeutral(cp) ? undefined : scriptOf(cp);
    if (s === undefined || s === current || current === undefined) {
      if (current === undefined && s !== undefined) current = s;
      buf += ch;
      continue;
    }
    out.push({ text: buf, script: current });
    buf = ch;
    current = s;
  }
  if (buf !== '') out.push({ text: buf, script: current ?? 'latin' });
  return out;
}

/** The scripts a set of strings uses (always including Latin). */
export function scriptsUsed(texts: Iterable<string>): Set<Script> {
  const used = new Set<Script>(['latin']);
  for (const t of texts) {
    for (const ch of t) {
      const s = scriptOf(ch.codePointAt(0)!);
      if (s) used.add(s);
    }
  }
  return used;
}
