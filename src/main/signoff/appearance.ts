import { StandardFontEmbedder, StandardFonts } from 'pdf-lib';
import type { CertificateSummary } from './certificates';
import { formatNumber } from './pdf/syntax';

/**
 * The visible signature inside the printed box: who signed (the certificate's CN), for whom (O) and
 * when, drawn with the standard Helvetica fonts (no font is embedded, every viewer has them).
 *
 * Standard fonts only encode Latin (WinAnsi). The box's own name line, printed by Chromium beneath it,
 * already shows the signatory in any script; a certificate name in Khmer, Lao, Burmese or Thai is
 * therefore written here in a Latin form taken from the certificate (its e-mail address), or, failing
 * that, as a note that the name is in the certificate. pdf-lib measures and encodes the text; it
 * never draws it (no pdf-lib save ever touches a file being signed).
 */

// pdf-lib's StandardFonts values are the font names its embedder takes (its typings use another enum).
type FontName = Parameters<typeof StandardFontEmbedder.for>[0];
const regular = StandardFontEmbedder.for(StandardFonts.Helvetica as unknown as FontName);
const bold = StandardFontEmbedder.for(StandardFonts.HelveticaBold as unknown as FontName);

/** The hex-encoded WinAnsi bytes of `text`, or undefined when a character has no WinAnsi code. */
function encode(font: StandardFontEmbedder, text: string): string | undefined {
  try {
    return font.encodeText(text).toString();
  } catch {
    return undefined;
  }
}

/** The signer's name as the standard fonts can print it, and whether it had to be replaced. */
export function latinSignerName(summary: CertificateSummary): { text: string; substituted: boolean } {
  if (encode(bold, summary.commonName) !== undefined) return { text: summary.commonName, substituted: false };
  if (summary.email && encode(bold, summary.email) !== undefined) return { text: summary.email, substituted: true };
  return { text: '(name in the certificate)', substituted: true };
}

function fitSize(font: StandardFontEmbedder, text: string, width: number, max: number, min: number): number {
  const w = font.widthOfTextAtSize(text, max);
  return w <= width ? max : Math.max(min, (max * width) / w);
}

/** Cuts text that still does not fit at the smallest size, marking the cut. */
function clip(font: StandardFontEmbedder, text: string, width: number, size: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let t = text;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}...`, size) > width) t = t.slice(0, -1);
  return `${t}...`;
}

/** A long name goes on two lines (split at the space that balances them best) rather than shrinking below 7 pt. */
function nameLines(text: string, width: number, max: number): string[] {
  if (fitSize(bold, text, width, max, 0) >= 7) return [text];
  const words = text.split(' ');
  let best: string[] = [text];
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const pair = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const w = Math.max(...pair.map((p) => bold.widthOfTextAtSize(p, max)));
    if (w < bestWidth) {
      best = pair;
      bestWidth = w;
    }
  }
  return best;
}

export interface Appearance {
  /** The content stream; it uses the fonts /F1 (Helvetica) and /F2 (Helvetica-Bold). */
  content: string;
  width: number;
  height: number;
  nameSubstituted: boolean;
}

export function signatureAppearance(summary: CertificateSummary, signedAt: Date, width: number, height: number): Appearance {
  const pad = Math.min(4, width / 10);
  const inner = Math.max(1, width - 2 * pad);
  const name = latinSignerName(summary);
  const org = summary.organisation && encode(regular, summary.organisation) !== undefined ? summary.organisation : undefined;
  const date = `${signedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const lines: { font: StandardFontEmbedder; id: string; text: string; size: number }[] = [];
  lines.push({ font: regular, id: 'F1', text: 'Digitally signed by', size: Math.min(7, height / 8) });
  const nameMax = Math.min(10, height / 5);
  for (const part of nameLines(name.text, inner, nameMax)) {
    const size = fitSize(bold, part, inner, nameMax, 5);
    lines.push({ font: bold, id: 'F2', text: clip(bold, part, inner, size), size });
  }
  if (org) {
    const s = fitSize(regular, org, inner, Math.min(8, height / 7), 4.5);
    lines.push({ font: regular, id: 'F1', text: clip(regular, org, inner, s), size: s });
  }
  lines.push({ font: regular, id: 'F1', text: date, size: Math.min(7, height / 8) });

  const leading = 1.25;
  const total = lines.reduce((h, l) => h + l.size * leading, 0);
  let y = height / 2 + total / 2;
  let ops = 'q 0.1 0.2 0.45 rg BT\n';
  for (const l of lines) {
    y -= l.size * leading;
    const x = pad + Math.max(0, (inner - l.font.widthOfTextAtSize(l.text, l.size)) / 2);
    ops += `/${l.id} ${formatNumber(l.size)} Tf 1 0 0 1 ${formatNumber(x)} ${formatNumber(y + l.size * 0.22)} Tm ${encode(l.font, l.text)} Tj\n`;
  }
  ops += 'ET Q\n';
  return { content: ops, width, height, nameSubstituted: name.substituted };
}
