/**
 * Scripts the minutes are promised in, and the one place that maps text to a
 * script and a script to its fonts. HTML (font stacks, `lang` on spans) and
 * DOCX (`w:rFonts` cs, `w:lang` bidi/eastAsia) both read this table, so the
 * PDF and the Word file can never disagree about which font draws Khmer.
 */
import notoSerif from '@fontsource/noto-serif/unicode.json' with { type: 'json' };
import notoSerifKhmer from '@fontsource/noto-serif-khmer/unicode.json' with { type: 'json' };
import notoSerifLao from '@fontsource/noto-serif-lao/unicode.json' with { type: 'json' };
import notoSerifMyanmar from '@fontsource/noto-serif-myanmar/unicode.json' with { type: 'json' };
import notoSerifThai from '@fontsource/noto-serif-thai/unicode.json' with { type: 'json' };

export type Script = 'latin' | 'khmer' | 'lao' | 'myanmar' | 'thai';

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
  /**
   * The code points the file draws, as a CSS unicode-range: the subset's range from the package's own
   * unicode.json (fontsource cuts each file to it). The one source for @font-face's unicode-range and
   * for which characters the shipped fonts cover (coverage.ts).
   */
  unicodeRange: string;
}

/** A fontsource package's unicode.json: subset name → the CSS unicode-range of that subset's files. */
type SubsetRanges = Record<string, string>;

const fs = (pkg: string, ranges: SubsetRanges, subset: string, weight: 400 | 700, style: 'normal' | 'italic' = 'normal'): FontFile => {
  const unicodeRange = ranges[subset];
  // A subset the package does not have is a build mistake, not a user's: fail at load, loudly.
  if (unicodeRange === undefined) throw new Error(`@fontsource/${pkg} has no subset ${subset}`);
  return { weight, style, file: `${pkg}/files/${pkg}-${subset}-${weight}-${style}.woff2`, unicodeRange };
};

export const SCRIPTS: Record<Script, ScriptInfo> = {
  latin: {
    lang: undefined,
    family: 'Noto Serif',
    files: [
      fs('noto-serif', notoSerif, 'latin', 400, 'normal'),
      fs('noto-serif', notoSerif, 'latin', 700, 'normal'),
      fs('noto-serif', notoSerif, 'latin', 400, 'italic'),
      fs('noto-serif', notoSerif, 'latin', 700, 'italic'),
      fs('noto-serif', notoSerif, 'latin-ext', 400, 'normal'),
      fs('noto-serif', notoSerif, 'latin-ext', 700, 'normal'),
      // Names in Cyrillic (a Russian delegate, a committee member who writes his name so): the same
      // family draws them, so a Latin-script document with one such name needs no other font.
      fs('noto-serif', notoSerif, 'cyrillic', 400, 'normal'),
      fs('noto-serif', notoSerif, 'cyrillic', 700, 'normal'),
    ],
  },
  khmer: {
    lang: 'km',
    family: 'Noto Serif Khmer',
    files: [fs('noto-serif-khmer', notoSerifKhmer, 'khmer', 400), fs('noto-serif-khmer', notoSerifKhmer, 'khmer', 700)],
  },
  lao: {
    lang: 'lo',
    family: 'Noto Serif Lao',
    files: [fs('noto-serif-lao', notoSerifLao, 'lao', 400), fs('noto-serif-lao', notoSerifLao, 'lao', 700)],
  },
  myanmar: {
    lang: 'my',
    family: 'Noto Serif Myanmar',
    files: [fs('noto-serif-myanmar', notoSerifMyanmar, 'myanmar', 400), fs('noto-serif-myanmar', notoSerifMyanmar, 'myanmar', 700)],
  },
  thai: {
    lang: 'th',
    family: 'Noto Serif Thai',
    files: [fs('noto-serif-thai', notoSerifThai, 'thai', 400), fs('noto-serif-thai', notoSerifThai, 'thai', 700)],
  },
};

export const ALL_SCRIPTS: readonly Script[] = ['latin', 'khmer', 'lao', 'myanmar', 'thai'];

/** The script of one code point, or undefined for neutral characters (spaces, digits, punctuation). */
export function scriptOf(cp: number): Script | undefined {
  if ((cp >= 0x1780 && cp <= 0x17ff) || (cp >= 0x19e0 && cp <= 0x19ff)) return 'khmer';
  if (cp >= 0x0e80 && cp <= 0x0eff) return 'lao';
  if (cp >= 0x0e01 && cp <= 0x0e7f) return 'thai';
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
