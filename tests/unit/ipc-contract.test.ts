import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract, methods, channelOf, type Method } from '../../src/shared/ipc/contract';
import { createServices, type Services } from '../../src/main/services';
import { registerIpc } from '../../src/main/ipc/electron';

/**
 * A payload that is wrong for each method, and the field the error must name. Adding a method to the
 * contract without a case here fails the first test, so no channel goes unchecked.
 */
const malformed: Record<Method, { payload: unknown; field: string | null }> = {
  appInfo: { payload: { unexpected: 1 }, field: null },
  startupState: { payload: [], field: null },
  getMeeting: { payload: { id: 7 }, field: 'id' },
  createMeeting: { payload: { title: 'Meeting', startsOn: '30/10/2019' }, field: 'startsOn' },
  searchMeetings: { payload: { query: 'x'.repeat(501) }, field: 'query' },
  duplicateMeeting: { payload: { id: 'm_1', startsOn: '2019-13-01' }, field: 'startsOn' },
  saveMeeting: { payload: { id: 'm_1', base: 0, changes: { body: 'not a list' } }, field: 'changes' },
  recoverMeeting: { payload: { id: '' }, field: 'id' },
  listRevisions: { payload: { id: '' }, field: 'id' },
  nameVersion: { payload: { id: 'm_1', name: 'Draft 1', revisionId: -3 }, field: 'revisionId' },
  exportMeeting: { payload: { id: 'm_1', format: 'odt' }, field: 'format' },
  previewMeeting: { payload: { id: 'm_1', sealed: 'yes' }, field: 'sealed' },
  previewFonts: { payload: { scripts: ['khmer'] }, field: null },
  importMeeting: { payload: { path: '/etc/passwd' }, field: null },
  signatureCopyStatus: { payload: { id: 'x'.repeat(65) }, field: 'id' },
  exportSignatureCopy: { payload: { id: 'm_1', format: 'json' }, field: 'format' },
  verifyCopy: { payload: { path: '/etc/passwd' }, field: null },
  chooseSigningCopy: { payload: { path: '/etc/passwd' }, field: null },
  chooseSigningKey: { payload: { session: '../key.p12' }, field: 'session' },
  signCopy: { payload: { session: '6f1c1a3e-8a4b-4c3d-9e2f-1a2b3c4d5e6f', field: 'Head of Lao Delegation', password: 'p'.repeat(1025) }, field: 'password' },
  getWorkflow: { payload: { id: 'm_1', extra: true }, field: null },
  transitionMeeting: { payload: { id: 'm_1', transition: 'unseal' }, field: 'transition' },
  recordRoutingStep: { payload: { id: 'm_1', base: 1, step: 0, date: '2018-05-28' }, field: 'step' },
  listAudit: { payload: { id: 'x'.repeat(65) }, field: 'id' },
  attachScan: { payload: { id: 'm_1', name: 'scan.pdf', bytes: 'JVBERi0=' }, field: 'bytes' },
  createCorrigendum: { payload: {}, field: 'id' },
  revisionHistory: { payload: { id: 'm_1', all: true }, field: null },
  getRevision: { payload: { id: 'm_1', revisionId: 1.5 }, field: 'revisionId' },
  restoreRevision: { payload: { id: 'm_1', revisionId: 2, blockId: 'b'.repeat(65) }, field: 'blockId' },
  compareVersions: { payload: { id: 'm_1', a: '1', b: '' }, field: 'b' },
  exportComparison: { payload: { id: 'm_1', a: '1', b: '2', format: 'text' }, field: 'format' },
  listMeetings: { payload: { view: 'deleted' }, field: 'view' },
  trashMeeting: { payload: { id: 'x'.repeat(65) }, field: 'id' },
  restoreMeeting: { payload: { id: ['m_1'] }, field: 'id' },
  archiveMeeting: { payload: { id: 'm_1', archived: 'yes' }, field: 'archived' },
  // Emptying the trash is never implied: without an explicit confirm it is refused.
  emptyTrash: { payload: {}, field: 'confirm' },
  getSettings: { payload: { name: 'Ana' }, field: null },
  saveSettings: { payload: { name: 'Ana\u0000', organisation: '', initials: '', spellcheckLanguages: ['en-GB'] }, field: 'name' },
  listComments: { payload: { id: '' }, field: 'id' },
  addComment: { payload: { id: 'm_1', anchor: { blockId: 'b_1' }, text: '   ' }, field: 'text' },
  replyComment: { payload: { id: 'm_1', threadId: 5, text: 'Agreed.' }, field: 'threadId' },
  resolveComment: { payload: { id: 'm_1', threadId: 'c_1', resolved: 'yes' }, field: 'resolved' },
  exportReviewCopy: { payload: { id: 'm_1', base: '' }, field: 'base' },
  importReview: { payload: { id: 'm_1', fileName: 'lao.docx', bytes: 'UEsDBA==' }, field: 'bytes' },
  listSuggestions: { payload: { id: '' }, field: 'id' },
  reviewStatus: { payload: { id: 'm_1', extra: true }, field: null },
  acceptSuggestions: { payload: { id: 'm_1', suggestionIds: [] }, field: 'suggestionIds' },
  acceptAllFrom: { payload: { id: 'm_1', author: 'x'.repeat(201) }, field: 'author' },
  rejectSuggestions: { payload: { id: 'm_1', suggestionIds: ['sg_1'], reason: 'x'.repeat(2001) }, field: 'reason' },
  listDecisions: { payload: { filter: { status: 'closed' } }, field: 'filter.status' },
  recordFollowUp: { payload: { meetingId: 'm_1', objectId: 'b_1', status: 'done', note: 'x'.repeat(4001) }, field: 'note' },
  exportDecisions: { payload: { format: 'xlsx' }, field: 'format' },
};

/** Comment payloads that are hostile in ways the one-per-method case above does not cover. */
const hostileComments: { method: Method; payload: unknown; path: string }[] = [
  { method: 'addComment', payload: { id: 'm_1', anchor: { blockId: 'b_1', range: { path: 'text', start: 4, end: 2, quote: 'xy' } }, text: 'x' }, path: 'anchor.range.end' },
  { method: 'addComment', payload: { id: 'm_1', anchor: { blockId: 'b_1', range: { path: 'text', start: 0, end: 2, quote: 'abc' } }, text: 'x' }, path: 'anchor.range.quote' },
  { method: 'addComment', payload: { id: 'm_1', anchor: { blockId: 'b_1', range: { path: '__proto__.x', start: 0, end: 1, quote: 'a' } }, text: 'x' }, path: 'anchor.range.path' },
  { method: 'addComment', payload: { id: 'm_1', anchor: { blockId: 'b_1' }, text: 'x'.repeat(10_001) }, path: 'text' },
  { method: 'addComment', payload: { id: 'm_1', anchor: { blockId: 'b_1', sql: 'DROP TABLE comments' }, text: 'x' }, path: 'anchor' },
  { method: 'replyComment', payload: { id: 'm_1', threadId: 'c_1', text: 'ok', author: 'Someone else' }, path: '' },
  { method: 'recordFollowUp', payload: { meetingId: 'm_1', objectId: 'b_1', status: 'done', note: 'ok', author: 'Someone else' }, path: '' },
  { method: 'recordFollowUp', payload: { meetingId: 'm_1', objectId: 'b_1', status: 'superseded', note: 'ok', supersededBy: { meetingId: 'm_2' } }, path: 'supersededBy.objectId' },
  { method: 'listDecisions', payload: { filter: { text: 'x'.repeat(501) } }, path: 'filter.text' },
];

let dir: string;
let services: Services;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'minuta-ipc-'));
  services = createServices({ databasePath: join(dir, 'db.sqlite'), version: 'test' });
});
afterEach(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('IPC contract', () => {
  it('has a handler and a malformed-payload case for every method', () => {
    expect(Object.keys(services.handlers).sort()).toEqual([...methods].sort());
    expect(Object.keys(malformed).sort()).toEqual([...methods].sort());
  });

  it('registers one ipcMain channel per method, all under the minuta: prefix', () => {
    const channels: string[] = [];
    registerIpc({ handle: (channel: string) => void channels.push(channel) }, services.dispatch, () => true);
    expect(channels.sort()).toEqual(methods.map(channelOf).sort());
    expect(channels.every((c) => c.startsWith('minuta:'))).toBe(true);
  });

  it.each(methods)('%s rejects a malformed payload, naming the bad field, and changes nothing', async (method) => {
    const before = services.db.prepare('SELECT count(*) AS n FROM meetings').get();
    const { payload, field } = malformed[method];
    const result = await services.dispatch(method, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid');
    expect(result.error.message).toContain(method);
    if (field) {
      expect(result.error.path).toBe(field);
      expect(result.error.message).toContain(`"${field}"`);
    }
    expect(services.db.prepare('SELECT count(*) AS n FROM meetings').get()).toEqual(before);
  });

  it.each(hostileComments)('$method refuses a hostile comment payload ($path), changing nothing', async ({ method, payload, path }) => {
    const result = await services.dispatch(method, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!result.ok && path) expect(result.error.path).toBe(path);
    expect(services.db.prepare('SELECT count(*) AS n FROM comments').get()).toEqual({ n: 0 });
  });

  it('exportMeeting refuses an allowMissingGlyphs that is not a boolean', async () => {
    const result = await services.dispatch('exportMeeting', { id: 'm_1', format: 'pdf', allowMissingGlyphs: 'yes' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', path: 'allowMissingGlyphs' } });
  });

  it('answers an unknown method with an error, not an exception', async () => {
    const result = await services.dispatch('dropAllTables', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('answers calls from an untrusted sender with forbidden, without running the handler', async () => {
    const registered = new Map<string, (event: unknown, payload: unknown) => unknown>();
    registerIpc({ handle: (c: string, fn: never) => void registered.set(c, fn) }, services.dispatch, () => false);
    const result = await registered.get(channelOf('createMeeting'))!({}, { title: 'x', startsOn: '2019-10-30' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(services.handlers.listMeetings(undefined)).toEqual([]);
  });

  it('names the path inside a malformed save', async () => {
    const created = await services.dispatch('createMeeting', { title: 'Technical Consultation', startsOn: '2018-05-24' });
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.value as { id: string };
    const stored = services.store.get(id)!;
    const { body: _body, ...head } = structuredClone(stored.meeting) as unknown as { titleBlock: { title: unknown }; body: unknown };
    head.titleBlock.title = 42;
    const result = await services.dispatch('saveMeeting', { id, base: stored.seq, changes: { head } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', path: 'changes' } });
    if (!result.ok) expect(result.error.message).toContain('changes.head.titleBlock.title');
    expect(services.store.revisions(id)).toHaveLength(1);
  });

  it('saves changes on a base, and answers a save on a stale base with conflict, changing nothing', async () => {
    const created = await services.dispatch('createMeeting', { title: 'Technical Consultation', startsOn: '2018-05-24' });
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.value as { id: string };
    const opened = await services.dispatch('getMeeting', { id });
    if (!opened.ok) throw new Error(opened.error.message);
    const { meeting, seq } = opened.value as { meeting: { titleBlock: object }; seq: number };
    const head = (title: string) => ({ ...structuredClone(meeting), body: undefined, titleBlock: { title: [{ text: title }] } });
    const { body: _a, ...first } = head('First');
    const saved = await services.dispatch('saveMeeting', { id, base: seq, changes: { head: first } });
    expect(saved).toMatchObject({ ok: true, value: { seq: seq + 1, folded: false, changed: ['~head'] } });
    const { body: _b, ...second } = head('Second');
    const stale = await services.dispatch('saveMeeting', { id, base: seq, changes: { head: second } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!stale.ok) expect(stale.error.message).toMatch(/was changed by .* since you opened it/);
    expect(services.store.get(id)!.meeting.titleBlock.title).toEqual([{ text: 'First' }]);
  });

  it('round-trips a valid call through the envelope, and maps a missing record to not-found', async () => {
    const created = await services.dispatch('createMeeting', { title: 'Technical Consultation', startsOn: '2018-05-24' });
    expect(created).toMatchObject({ ok: true, value: { title: 'Technical Consultation', startsOn: '2018-05-24' } });
    const missing = await services.dispatch('getMeeting', { id: 'm_nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', path: 'id' } });
  });

  it('declares request and response schemas for every method', () => {
    for (const m of methods) {
      expect(contract[m].request).toBeDefined();
      expect(contract[m].response).toBeDefined();
    }
  });
});
