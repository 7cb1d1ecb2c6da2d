import { describe, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { layoutMeeting, recordJson, type SignatureCopyInfo } from '../../src/shared/format';
import { exportLayout } from '../../src/main/export';
import { makePdfA } from '../../src/main/export/pdf/pdfa';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { storeRecordSource, verifyCopy } from '../../src/main/copies/verifyCopy';
import { generateLongMeeting } from './generate';
import { percentile } from './stats';

/**
 * A 200-page signature copy: what the PDF/A step adds to the export (XMP, output intent, the record
 * embedded, page digests) in time and bytes, and how long verifying the copy takes (with pdftotext,
 * which dominates). Printed, never asserted.
 */
describe('signature copy (200 pages)', () => {
  it('prints the PDF/A step and verify times', async () => {
    const { meeting } = generateLongMeeting(200);
    const copy: SignatureCopyInfo = { versionName: 'Final', state: 'sealed', auditHead: { hash: 'a'.repeat(64), length: 40 } };
    const printer = new PlaywrightPrinter();
    try {
      const finished = await exportLayout(await layoutMeeting(meeting, { copy }), 'pdf', { printer });
      const record = new TextEncoder().encode(recordJson(meeting));
      const times: number[] = [];
      let out: Uint8Array = new Uint8Array();
      for (let i = 0; i < 7; i++) {
        const t = performance.now();
        out = makePdfA(finished, { record, now: new Date(), info: { MinutaMeetingId: meeting.id, MinutaRevision: '1' } });
        times.push(performance.now() - t);
      }
      const source = storeRecordSource({ revision: () => meeting, revisions: () => [{ id: 1 }] });
      const verify: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await verifyCopy(out, source);
        verify.push(performance.now() - t);
      }
      console.log(
        `signature copy, 200 pages: PDF/A step p50 ${percentile(times, 50).toFixed(0)} ms (max ${Math.max(...times).toFixed(0)}), ` +
          `${((out.byteLength - finished.byteLength) / 1024).toFixed(0)} KB added to ${(finished.byteLength / 1024 / 1024).toFixed(1)} MB ` +
          `(record ${(record.byteLength / 1024).toFixed(0)} KB); verify p50 ${percentile(verify, 50).toFixed(0)} ms`,
      );
    } finally {
      await printer.close();
    }
  }, 600_000);
});
