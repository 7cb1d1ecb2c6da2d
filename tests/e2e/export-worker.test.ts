import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { layoutMeeting } from '../../src/shared/format';
import { MinutaError } from '../../src/shared/errors';
import { previewOf } from '../../src/main/export/preview';
import { ExportWorker, builtExportWorker } from '../../src/main/export/worker/client';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { loadFixture, tempDir } from '../support/temp';
import { pdftotext, tool } from '../support/exportText';

/**
 * The export worker as the app and the CLI run it: the built out/main/exportWorker.js in a worker
 * thread, driven through client.ts. It must render what the pure functions render, carry errors back,
 * and survive a print that fails and a worker that dies.
 */
let tmp: ReturnType<typeof tempDir>;
let worker: ExportWorker;
const printer = new PlaywrightPrinter();

beforeAll(() => {
  expect(existsSync('out/main/exportWorker.js'), 'run npm run build first').toBe(true);
  tmp = tempDir('minuta-worker-');
  worker = new ExportWorker();
});
afterAll(async () => {
  await Promise.all([worker?.close(), printer.close()]);
  tmp?.cleanup();
});

describe('the export worker', () => {
  it('is the built file, found from the source tree too', () => {
    expect(builtExportWorker().pathname).toMatch(/\/out\/main\/exportWorker\.js$/);
  });

  it('renders the preview the main thread would (same stylesheet, same body)', async () => {
    const meeting = loadFixture(2019);
    const fromWorker = await worker.preview(meeting);
    expect(fromWorker).toEqual(previewOf(await layoutMeeting(meeting)));
    const sealed = await worker.preview(meeting, { sealed: true });
    expect(sealed.draftMark).toBeUndefined();
    expect(fromWorker.draftMark).toBe('DRAFT');
  });

  it('renders a DOCX (a zip with the document part) and a finished PDF with its signature fields', async () => {
    const meeting = loadFixture(2019);
    const docx = await worker.docx(meeting);
    expect(new TextDecoder().decode(docx.subarray(0, 2))).toBe('PK');
    const docxPath = join(tmp.dir, 'w.docx');
    writeFileSync(docxPath, docx);
    expect(tool('unzip', 'unzip', ['-l', docxPath]).stdout).toContain('word/document.xml');

    const pdf = await worker.pdf(meeting, printer);
    const pdfPath = join(tmp.dir, 'w.pdf');
    writeFileSync(pdfPath, pdf);
    const sig = tool('pdfsig', 'poppler-utils', [pdfPath]).stdout;
    expect([...sig.matchAll(/Signature Field Name: (.+)/g)].map((m) => m[1]!.trim())).toEqual([
      'Head of Cambodia Delegation',
      'Head of Lao Delegation',
      'Head of Myanmar Delegation',
    ]);
    expect(pdftotext(pdfPath)).toContain('Minutes of the Second Technical Consultative Meeting');
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(1);
  }, 60_000);

  it('a failed print fails the export, and the worker goes on', async () => {
    const broken = { print: () => Promise.reject(new MinutaError('unavailable', 'the printer is gone')), close: async () => {} };
    await expect(worker.pdf(loadFixture(2019), broken)).rejects.toMatchObject({ code: 'unavailable', message: 'the printer is gone' });
    expect(new TextDecoder().decode((await worker.docx(loadFixture(2019))).subarray(0, 2))).toBe('PK');
  });

  it('a worker that dies fails what it was doing with an internal error, and the next request starts a new one', async () => {
    const doomed = new ExportWorker();
    try {
      const pending = doomed.docx(loadFixture(2018));
      await doomed.close();
      await expect(pending).rejects.toMatchObject({ code: 'internal' });
      expect(new TextDecoder().decode((await doomed.docx(loadFixture(2019))).subarray(0, 2))).toBe('PK');
    } finally {
      await doomed.close();
    }
  });

  it('a request made while the previous worker is still stopping goes to a new one and is answered', async () => {
    const client = new ExportWorker();
    try {
      await client.preview(loadFixture(2019));
      const stopping = client.close();
      const next = client.docx(loadFixture(2019));
      await stopping;
      expect(new TextDecoder().decode((await next).subarray(0, 2))).toBe('PK');
    } finally {
      await client.close();
    }
  });

  it('a worker script that is not ours fails the request clearly', async () => {
    const path = join(tmp.dir, 'not-a-worker.mjs');
    writeFileSync(path, "throw new Error('this is not the export worker');\n");
    const wrong = new ExportWorker(path);
    try {
      await expect(wrong.docx(loadFixture(2019))).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('this is not the export worker') });
    } finally {
      await wrong.close();
    }
  });
});
