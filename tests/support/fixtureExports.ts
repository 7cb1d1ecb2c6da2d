import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Meeting } from '../../src/shared/minutes';
import { exportMeeting } from '../../src/main/export';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { meetingFixture } from '../unit/minutes/helpers';
import { tool } from './exportText';
import { noSystemNotoEnv } from './noSystemFonts';

export interface FixtureExports {
  /** The PDF Minuta printed. */
  pdf: string;
  /** The DOCX Minuta wrote. */
  docx: string;
  /** That DOCX as LibreOffice prints it (what a delegation's Word user sees, read back with pdftotext). */
  docxPdf: string;
}

/**
 * A meeting exported as its readers meet it: the PDF (on a browser that sees only DejaVu, so the shipped
 * fonts must carry every script), the DOCX, and that DOCX printed by LibreOffice; pages of both at 60 dpi
 * in `look` for a human look. Files go in `dir`, named `name`.
 */
export async function exportForReaders(meeting: Meeting, name: string, dir: string, look: string): Promise<FixtureExports> {
  const out = { pdf: join(dir, `${name}.pdf`), docx: join(dir, `${name}.docx`), docxPdf: join(dir, 'lo', `${name}.pdf`) };
  const printer = new PlaywrightPrinter({ env: noSystemNotoEnv(dir) });
  try {
    writeFileSync(out.pdf, await exportMeeting(meeting, 'pdf', { printer }));
    writeFileSync(out.docx, await exportMeeting(meeting, 'docx'));
  } finally {
    await printer.close();
  }
  const lo = tool(
    'soffice',
    'libreoffice-writer-nogui',
    [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), out.docx],
    { timeout: 180_000, env: noSystemNotoEnv(dir) },
  );
  if (!existsSync(out.docxPdf)) throw new Error(`soffice did not convert ${name}.docx: ${lo.stderr}`);
  mkdirSync(look, { recursive: true });
  tool('pdftoppm', 'poppler-utils', ['-r', '60', '-png', out.pdf, join(look, 'pdf')]);
  tool('pdftoppm', 'poppler-utils', ['-r', '60', '-png', out.docxPdf, join(look, 'docx')]);
  return out;
}

/** A fixture of real minutes (`tests/fixtures/…minuta.json`) exported for its readers (`exportForReaders`). */
export async function exportFixture(fixture: string, name: string, dir: string, look: string): Promise<FixtureExports> {
  return exportForReaders(meetingFixture(fixture), name, dir, look);
}
