import { describe, expect, it } from 'vitest';
import { generateLongMeeting } from '../../bench/generate';
import { countWords } from '../../../src/shared/find/wordCount';
import type { WorkAnswer, WorkMessage } from '../../../src/renderer/src/worker/messages';

/**
 * The document worker's protocol, run on its real module: the meeting is sent once and named by
 * number after that (the preview, find's count and the word count of one pause share one clone);
 * a number it no longer holds is answered with a request to send the document again.
 */
describe('the document worker', () => {
  it('keeps the meeting sent once for the requests that name it, and asks again for one it dropped', async () => {
    const answers: WorkAnswer[] = [];
    const scope = { onmessage: null as ((e: { data: WorkMessage }) => void) | null, postMessage: (m: WorkAnswer) => answers.push(m) };
    (globalThis as unknown as { self: unknown }).self = scope;
    await import('../../../src/renderer/src/worker/documentWorker');
    const { meeting } = generateLongMeeting(2);
    const next = async (message: WorkMessage) => {
      const before = answers.length;
      scope.onmessage!({ data: message });
      await expect.poll(() => answers.length).toBe(before + 1);
      return answers[before]!;
    };
    const words = countWords(meeting);
    expect(await next({ id: 1, ref: 7, meeting, request: { kind: 'words' } })).toEqual({ id: 1, ok: true, value: words });
    // By number only: the worker answers from the meeting it holds.
    expect(await next({ id: 2, ref: 7, request: { kind: 'words' } })).toEqual({ id: 2, ok: true, value: words });
    const matches = await next({ id: 3, ref: 7, request: { kind: 'matches', query: 'the', options: { matchCase: false, wholeWord: true } } as WorkMessage['request'] });
    expect(matches).toMatchObject({ id: 3, ok: true });
    expect((matches as { value: number }).value).toBeGreaterThan(0);
    // Newer documents push the oldest out: asked for by number, it is asked for again.
    for (let ref = 8; ref < 13; ref++) await next({ id: ref * 10, ref, meeting, request: { kind: 'words' } });
    expect(await next({ id: 99, ref: 7, request: { kind: 'words' } })).toEqual({ id: 99, ok: false, resend: true });
  });
});
