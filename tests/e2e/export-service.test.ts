import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServices, type Services } from '../../src/main/services';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { suggestedFileName } from '../../src/main/export/service';
import { readMinutesFile } from '../../src/main/interchange/minutesFile';
import type { ExportPreview } from '../../src/shared/ipc/contract';
import { loadFixture, tempDir } from '../support/temp';

/** The exportMeeting / previewMeeting IPC methods through the real dispatch, with a test dialog port. */
let tmp: ReturnType<typeof tempDir>;
let services: Services;
let id: string;
let answer: string | undefined;
const asked: string[] = [];
/** Set by a test that wants the dialog to answer only once printing has begun. */
let printing: { started: boolean; startedBeforeAnswer?: boolean; wait?: Promise<void>; begin?: () => void } = { started: false };

beforeAll(() => {
  tmp = tempDir('minuta-export-service-');
  services = createServices({
    databasePath: join(tmp.dir, 'db.sqlite'),
    version: 'test',
    author: 'tester',
    export: {
      dialog: {
        chooseDestination: async ({ defaultName }) => {
          asked.push(defaultName);
          if (printing.wait) await Promise.race([printing.wait, new Promise((r) => setTimeout(r, 5_000))]);
          printing.startedBeforeAnswer = printing.started;
          return answer;
        },
      },
      // The real printer, watched: the dialog test needs to know when a print begins.
      createPrinter: () => {
        const real = new PlaywrightPrinter();
        return {
          print: (html: string) => {
            printing.started = true;
            printing.begin?.();
            return real.print(html);
          },
          close: () => real.close(),
        };
      },
    },
  });
  id = services.store.create(loadFixture(2019), 'tester').id;
});
afterAll(async () => {
  await services.exports?.close();
  services.close();
  tmp?.cleanup();
});

describe('exportMeeting', () => {
  it('asks for a destination with a name made from the title and date, writes the PDF there atomically', async () => {
    answer = join(tmp.dir, 'out', 'minutes.pdf');
    const r = await services.dispatch('exportMeeting', { id, format: 'pdf' });
    expect(r).toMatchObject({ ok: true, value: { saved: true, path: answer } });
    expect(asked.at(-1)).toBe(suggestedFileName(loadFixture(2019), 'pdf'));
    expect(asked.at(-1)).toMatch(/^Minutes of the Second Technical Consultative Meeting .* 2019-10-30\.pdf$/);
    const bytes = readFileSync(answer);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.ok && (r.value as { bytes: number }).bytes).toBe(bytes.byteLength);
    expect(readdirSync(join(tmp.dir, 'out'))).toEqual(['minutes.pdf']); // no temp file left behind
  });

  it('writes a DOCX; a sealed export carries no draft mark', async () => {
    answer = join(tmp.dir, 'out', 'minutes.docx');
    expect(await services.dispatch('exportMeeting', { id, format: 'docx', sealed: true })).toMatchObject({ ok: true, value: { saved: true } });
    expect(readFileSync(answer).subarray(0, 2).toString()).toBe('PK');
  });

  it('renders while the save dialog is open, so that the file follows the choice at once', async () => {
    let begin!: () => void;
    printing = { started: false, wait: new Promise<void>((r) => (begin = r)) };
    printing.begin = begin;
    answer = join(tmp.dir, 'out', 'while-asking.pdf');
    try {
      const r = await services.dispatch('exportMeeting', { id, format: 'pdf' });
      expect(r).toMatchObject({ ok: true, value: { saved: true, path: answer } });
      // The dialog waited (up to 5 s) for the print to begin; it must have begun before it answered.
      expect(printing.startedBeforeAnswer).toBe(true);
      expect(readFileSync(answer).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      printing = { started: false };
    }
  });

  it('saves a copy as a minutes file (.minuta.json) that reads back as the same meeting', async () => {
    answer = join(tmp.dir, 'out', 'copy.minuta.json');
    const r = await services.dispatch('exportMeeting', { id, format: 'json' });
    expect(r).toMatchObject({ ok: true, value: { saved: true, path: answer } });
    expect(asked.at(-1)).toMatch(/ 2019-10-30\.minuta\.json$/);
    expect(readMinutesFile(answer)).toEqual(services.store.get(id)!.meeting);
  });

  it('does nothing when the user cancels the dialog', async () => {
    answer = undefined;
    expect(await services.dispatch('exportMeeting', { id, format: 'pdf' })).toEqual({ ok: true, value: { saved: false } });
  });

  it('answers not-found for an unknown meeting, before asking anything', async () => {
    const n = asked.length;
    expect(await services.dispatch('exportMeeting', { id: 'm_nope', format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(asked.length).toBe(n);
    expect(existsSync(join(tmp.dir, 'out', 'm_nope.pdf'))).toBe(false);
  });
});

describe('previewMeeting', () => {
  it('returns the printed stylesheet and body, and the page geometry', async () => {
    const r = await services.dispatch('previewMeeting', { id });
    if (!r.ok) throw new Error(r.error.message);
    const p = r.value as ExportPreview;
    expect(p.body).toContain('<a class="sig-box" href="sig:1"');
    expect(p.css).toContain('@page');
    expect(p.css).toContain("font-family:'Noto Serif'");
    expect(p.draftMark).toBe('DRAFT');
    expect(p.page).toEqual({ widthMm: 210, heightMm: 297, marginsMm: [22, 20, 22, 25] });
  });
});
