import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { openDatabase } from '../../../src/main/store/db';
import { createMeetingStore } from '../../../src/main/store/meetings';
import type { Services } from '../../../src/main/services';
import { call, servicesWithDialogs } from '../../support/dialogServices';
import { richTextToString, parseInterchange, plain, type Meeting } from '../../../src/shared/minutes';
import type { Response } from '../../../src/shared/ipc/contract';
import { storeMappedReview, type MappedReview } from '../../../src/main/review/importReview';
import { loadFixture, tempDir } from '../../support/temp';
import { REVIEWERS, reviews2019 } from '../../support/reviews';

/**
 * Review suggestions through the real services and a real SQLite file: three delegations' reviews of
 * the 2019 seed stored, listed by delegation and block; accepting makes one revision attributed to the
 * reviewer and audited as accepted by the user; overlapping suggestions become conflicting; rejecting
 * records who and when; decided suggestions never change (triggers); they survive a reopen, are in
 * a backup and travel in `.minuta.json` files.
 */

let tmp: ReturnType<typeof tempDir>;
let services: Services;
/** The file the save dialog picked last. */
const saved: { path?: string } = {};
let meeting: Meeting;
let base: number;

const open = (name: string, author: string): Services => servicesWithDialogs(tmp.dir, name, author, saved);

const sha = (c: string) => c.repeat(64);
function importAll(s: Services = services) {
  const r = reviews2019(meeting, base);
  const file = (d: string, c: string) => ({ meetingId: meeting.id, fileName: `minutes-${d}.docx`, sha256: sha(c) });
  return {
    cambodia: storeMappedReview(s.db, s.store, file('kh', 'a'), r.cambodia, 'Secretariat'),
    lao: storeMappedReview(s.db, s.store, file('la', 'b'), r.lao, 'Secretariat'),
    myanmar: storeMappedReview(s.db, s.store, file('mm', 'c'), r.myanmar, 'Secretariat'),
  };
}
type List = Response<'listSuggestions'>;
const textOf = (m: Meeting, id: string) => richTextToString((m.body.find((b) => b.id === id) as { text: Parameters<typeof richTextToString>[0] }).text);

beforeEach(() => {
  tmp = tempDir('minuta-suggestions-');
  services = open('minuta.sqlite', 'Secretariat');
  meeting = loadFixture(2019);
  base = services.store.create(meeting, 'Ana Lopes').revisionId;
});
afterEach(() => {
  services.close();
  tmp.cleanup();
});

describe('review suggestions in the store', () => {
  it('stores three delegations’ reviews, matched to their delegations, listed by delegation and by block', async () => {
    const imported = importAll();
    expect(imported.cambodia.import).toMatchObject({ reviewer: REVIEWERS.cambodia, delegationId: 'd_19001', baseRevision: base, importedBy: 'Secretariat' });
    expect(imported.lao.import.delegationId).toBe('d_19002');
    expect(imported.myanmar.suggestions.every((s) => s.delegationId === 'd_19003' && s.status === 'open')).toBe(true);
    expect(services.store.suggestions.listByDelegation(meeting.id, 'd_19002')).toHaveLength(2);
    expect(services.store.suggestions.listByImport(imported.cambodia.import.id)).toHaveLength(3);
    expect(services.store.suggestions.listByBlock(meeting.id, 'b_19008').map((s) => s.author)).toEqual([REVIEWERS.cambodia, REVIEWERS.cambodia, REVIEWERS.lao]);
    const list = await call<List>(services, 'listSuggestions', { id: meeting.id });
    expect(list.suggestions).toHaveLength(8);
    expect(list.suggestions.every((s) => s.place.ok)).toBe(true);
    expect(list.suggestions.find((s) => s.change.kind === 'remove-item')!.blockId).toBe('b_19010');
    expect(list.suggestions[0]!.context).toEqual({ before: expect.stringMatching(/expressed her $/), after: expect.stringMatching(/^ for this initiative/) });
    const status = await call<Response<'reviewStatus'>>(services, 'reviewStatus', { id: meeting.id });
    expect(status.delegations.map((d) => [d.id, d.answered])).toEqual([
      ['d_19001', true],
      ['d_19002', true],
      ['d_19003', true],
    ]);
    // The same file twice is recognised; so is a file without changes.
    expect(() => storeMappedReview(services.db, services.store, { meetingId: meeting.id, fileName: 'again.docx', sha256: sha('a') }, reviews2019(meeting, base).lao, 'Secretariat')).toThrow(/already imported/);
    const empty: MappedReview = { baseRevision: base, reviewer: 'Nobody', suggestions: [], threads: [] };
    expect(() => storeMappedReview(services.db, services.store, { meetingId: meeting.id, fileName: 'empty.docx', sha256: sha('d') }, empty, 'Secretariat')).toThrow(/no changes/);
    expect(services.store.suggestions.imports(meeting.id)).toHaveLength(3);
  });

  it('importReview: the file bounded and hashed, its base checked, its comment threads stored with it; refusals change nothing', async () => {
    const digest = () => JSON.stringify([services.store.suggestions.imports(meeting.id), services.store.comments.list(meeting.id), services.store.audit.list(meeting.id)]);
    const before = digest();
    // A file that only starts like a ZIP: a clear refusal, nothing stored.
    const none = await services.dispatch('importReview', { id: meeting.id, fileName: 'lao.docx', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) });
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/not a ZIP/) } });
    const mapped = { ...reviews2019(meeting, base).lao, threads: [{ id: 'c_lao1', anchor: { blockId: 'b_19008' }, comments: [{ id: 'cm_lao1', author: REVIEWERS.lao, at: '2019-11-04T09:00:00Z', text: 'Please check the IOM title.' }] }] };
    const seen: { chosen?: number }[] = [];
    const reader = (_bytes: Uint8Array, b: { chosen?: { revisionId: number } }) => {
      seen.push(b.chosen ? { chosen: b.chosen.revisionId } : {});
      return mapped;
    };
    const bytes = new TextEncoder().encode('a reviewed copy');
    const { importReview } = await import('../../../src/main/review/importReview');
    // A base the meeting does not have, and a file over the bound: refused before reading.
    await expect(importReview(services.db, services.store, { meetingId: meeting.id, fileName: 'lao.docx', bytes, baseRevision: 999 }, 'Secretariat', reader)).rejects.toThrow(/no revision 999/);
    await expect(importReview(services.db, services.store, { meetingId: meeting.id, fileName: 'big.docx', bytes: new Uint8Array(50 * 1024 * 1024 + 1) }, 'Secretariat', reader)).rejects.toThrow(/larger than 50 MB/);
    await expect(importReview(services.db, services.store, { meetingId: meeting.id, fileName: 'lao.docx', bytes, delegationId: 'd_x' }, 'Secretariat', reader)).rejects.toThrow(/no delegation d_x/);
    expect(digest()).toBe(before);
    const done = await importReview(services.db, services.store, { meetingId: meeting.id, fileName: 'lao.docx', bytes, baseRevision: base }, 'Secretariat', reader);
    expect(seen.at(-1)).toEqual({ chosen: base });
    expect(done.import.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(done.threads).toBe(1);
    expect(services.store.comments.list(meeting.id).map((t) => t.comments[0]!.text)).toEqual(['Please check the IOM title.']);
    expect(services.store.audit.list(meeting.id).at(-1)).toMatchObject({ action: 'review-import', actor: 'Secretariat', details: { fileName: 'lao.docx', suggestions: 2 } });
    await expect(importReview(services.db, services.store, { meetingId: meeting.id, fileName: 'copy of lao.docx', bytes }, 'Secretariat', reader)).rejects.toThrow(/already imported \(as lao.docx/);
  });

  it('a reviewer the register does not know answers for the delegation the user chose, or for none', () => {
    const r = { ...reviews2019(meeting, base).lao, reviewer: 'Somchai K.' };
    r.suggestions = r.suggestions.map((s) => ({ ...s, author: 'Somchai K.' }));
    const chosen = storeMappedReview(services.db, services.store, { meetingId: meeting.id, fileName: 'lao.docx', sha256: sha('e'), delegationId: 'd_19002' }, r, 'Secretariat');
    expect(chosen.import.delegationId).toBe('d_19002');
    expect(chosen.suggestions.every((s) => s.delegationId === 'd_19002')).toBe(true);
    expect(() => storeMappedReview(services.db, services.store, { meetingId: meeting.id, fileName: 'x.docx', sha256: sha('f'), delegationId: 'd_nope' }, r, 'Secretariat')).toThrow(/no delegation d_nope/);
  });

  it('accepting makes ONE new revision attributed to the reviewer, audited as accepted by the user; the overlapping one conflicts', async () => {
    const { cambodia, lao } = importAll();
    const seq = services.store.get(meeting.id)!.seq;
    const result = await call<Response<'acceptSuggestions'>>(services, 'acceptSuggestions', { id: meeting.id, suggestionIds: cambodia.suggestions.map((s) => s.id), base: seq });
    expect(result.accepted).toHaveLength(3);
    expect(result.conflicts).toEqual([]);
    const head = services.store.get(meeting.id)!;
    expect(head.revisionId).toBe(result.revisionId);
    expect(textOf(head.meeting, 'b_19008')).toContain('her full support for this initiative');
    expect((head.meeting.body.find((b) => b.id === 'b_19008') as { text: { text: string; bold?: boolean }[] }).text.find((r) => r.bold)?.text).toBe('IOM');
    const revisions = services.store.revisions(meeting.id);
    expect(revisions).toHaveLength(2);
    expect(revisions.at(-1)).toMatchObject({ id: result.revisionId, author: REVIEWERS.cambodia });
    const audit = services.store.audit.list(meeting.id);
    expect(audit.at(-1)).toMatchObject({ actor: 'Secretariat', action: 'suggestions-accepted', details: { revisionId: result.revisionId, reviewers: REVIEWERS.cambodia } });
    expect(services.store.audit.verify(meeting.id).ok).toBe(true);
    // The history says so: the reviewer is the author, the user accepted.
    const history = await call<Response<'revisionHistory'>>(services, 'revisionHistory', { id: meeting.id });
    expect(history.map((h) => [h.author, h.acceptedBy])).toEqual([
      ['Ana Lopes', undefined],
      [REVIEWERS.cambodia, { by: 'Secretariat', suggestions: 3 }],
    ]);
    const after = services.store.suggestions.list(meeting.id);
    expect(after.filter((s) => s.importId === cambodia.import.id).map((s) => [s.status, s.decision?.by, s.decision?.revisionId])).toEqual(
      Array(3).fill(['accepted', 'Secretariat', result.revisionId]),
    );
    const laoText = after.find((s) => s.id === lao.suggestions[0]!.id)!;
    expect(laoText).toMatchObject({ status: 'conflicting', conflict: expect.stringContaining(REVIEWERS.cambodia) });
    expect(after.find((s) => s.id === lao.suggestions[1]!.id)!.status).toBe('open');
    // Accepting the conflicting one is refused with its reason, and changes nothing.
    const again = await call<Response<'acceptSuggestions'>>(services, 'acceptSuggestions', { id: meeting.id, suggestionIds: [laoText.id] });
    expect(again.accepted).toEqual([]);
    expect(again.conflicts[0]!.reason).toContain('overlaps');
    expect(services.store.revisions(meeting.id)).toHaveLength(2);
    // A decided suggestion cannot be decided again.
    const twice = await services.dispatch('rejectSuggestions', { id: meeting.id, suggestionIds: [cambodia.suggestions[0]!.id] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('accepts all open suggestions of one reviewer in one revision; a stale base is a conflict and changes nothing', async () => {
    importAll();
    const seq = services.store.get(meeting.id)!.seq;
    const stale = await services.dispatch('acceptAllFrom', { id: meeting.id, author: REVIEWERS.myanmar, base: seq - 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(services.store.revisions(meeting.id)).toHaveLength(1);
    const all = await call<Response<'acceptAllFrom'>>(services, 'acceptAllFrom', { id: meeting.id, author: REVIEWERS.myanmar, base: seq });
    expect(all.accepted).toHaveLength(3);
    const head = services.store.get(meeting.id)!.meeting;
    expect(textOf(head, 'b_19001')).toContain('took place in Siem Reap');
    expect(textOf(head, 'b_19009')).toContain('migration contributes');
    expect(head.body.map((b) => b.id)).toContain('b_19mm01');
    expect(services.store.revisions(meeting.id).map((r) => r.author)).toEqual(['Ana Lopes', REVIEWERS.myanmar]);
    expect((await services.dispatch('acceptAllFrom', { id: meeting.id, author: REVIEWERS.myanmar })).ok).toBe(false);
  });

  it('a suggestion on a paragraph edited after the review copy is found again by its quote', async () => {
    const { cambodia } = importAll();
    const m = structuredClone(services.store.get(meeting.id)!.meeting);
    const p = m.body.find((b) => b.id === 'b_19008') as { text: unknown };
    p.text = plain(`On the first day, ${textOf(meeting, 'b_19008')}`);
    services.store.saveDocument(meeting.id, m, 'Ana Lopes');
    const list = await call<List>(services, 'listSuggestions', { id: meeting.id });
    expect(list.suggestions.find((s) => s.id === cambodia.suggestions[0]!.id)!.place).toEqual({ ok: true, moved: true });
    const r = await call<Response<'acceptSuggestions'>>(services, 'acceptSuggestions', { id: meeting.id, suggestionIds: [cambodia.suggestions[0]!.id] });
    expect(r.accepted).toHaveLength(1);
    expect(textOf(services.store.get(meeting.id)!.meeting, 'b_19008')).toMatch(/^On the first day, After welcoming .* her full support for this initiative\.$/);
  });

  it('rejecting records who, when and why; decided suggestions and imports never change, whatever the SQL', async () => {
    const { lao } = importAll();
    const r = await call<Response<'rejectSuggestions'>>(services, 'rejectSuggestions', { id: meeting.id, suggestionIds: [lao.suggestions[1]!.id], reason: 'The brokers item stays.' });
    expect(r.rejected).toEqual([lao.suggestions[1]!.id]);
    const s = services.store.suggestions.get(meeting.id, [lao.suggestions[1]!.id])[0]!;
    expect(s).toMatchObject({ status: 'rejected', decision: { by: 'Secretariat', reason: 'The brokers item stays.', at: expect.stringMatching(/^\d{4}-/) } });
    expect(services.store.audit.list(meeting.id).at(-1)).toMatchObject({ action: 'suggestions-rejected', actor: 'Secretariat' });
    const db = services.db;
    expect(() => db.prepare("UPDATE suggestions SET status = 'open', decided_by = NULL, decided_at = NULL, reason = NULL WHERE id = ?").run(s.id)).toThrow(/never changes/);
    expect(() => db.prepare("UPDATE suggestions SET change = '{}' WHERE id = ?").run(lao.suggestions[0]!.id)).toThrow(/keeps what it proposes/);
    expect(() => db.prepare('DELETE FROM suggestions').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM review_imports').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE review_imports SET reviewer = 'x'").run()).toThrow(/never changes/);
    expect(() => db.prepare('INSERT OR REPLACE INTO suggestions SELECT * FROM suggestions').run()).toThrow(/cannot be replaced/);
    expect(() => db.prepare("UPDATE suggestions SET status = 'accepted' WHERE id = ?").run(lao.suggestions[0]!.id)).toThrow(/CHECK/);
    // Deleting the meeting itself takes them with it.
    db.prepare('DELETE FROM meetings WHERE id = ?').run(meeting.id);
    expect(db.prepare('SELECT count(*) FROM suggestions').pluck().get()).toBe(0);
  });

  it('sealed minutes take no review and no decision; accepting is refused by the save path', async () => {
    const { lao } = importAll();
    for (const t of ['submit', 'approve', 'seal'] as const) services.store.workflow.transition(meeting.id, t, 'Secretariat');
    expect(await services.dispatch('acceptSuggestions', { id: meeting.id, suggestionIds: [lao.suggestions[0]!.id] })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(await services.dispatch('rejectSuggestions', { id: meeting.id, suggestionIds: [lao.suggestions[0]!.id] })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(() => storeMappedReview(services.db, services.store, { meetingId: meeting.id, fileName: 'late.docx', sha256: sha('9') }, reviews2019(meeting, base).myanmar, 'Secretariat')).toThrow(/sealed/);
    expect(services.store.suggestions.list(meeting.id).every((s) => s.status === 'open')).toBe(true);
  });

  it('survive a restart and are in a backup', async () => {
    importAll();
    const before = services.store.suggestions.list(meeting.id);
    await services.db.backup(join(tmp.dir, 'backup.sqlite'));
    services.close();
    services = open('minuta.sqlite', 'Secretariat');
    expect(services.store.suggestions.list(meeting.id)).toEqual(before);
    const copy = openDatabase(join(tmp.dir, 'backup.sqlite'));
    try {
      const store = createMeetingStore(copy);
      expect(store.suggestions.list(meeting.id)).toEqual(before);
      expect(store.suggestions.imports(meeting.id)).toHaveLength(3);
    } finally {
      copy.close();
    }
  });

  it('travel in the .minuta.json file, decisions kept, and come back on import', async () => {
    const { cambodia, lao } = importAll();
    await call(services, 'acceptSuggestions', { id: meeting.id, suggestionIds: [cambodia.suggestions[0]!.id] });
    await call(services, 'rejectSuggestions', { id: meeting.id, suggestionIds: [lao.suggestions[1]!.id] });
    await call(services, 'exportMeeting', { id: meeting.id, format: 'json' });
    const parsed = parseInterchange(readFileSync(saved.path!, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    expect(parsed.review.imports.map((i) => i.reviewer)).toEqual([REVIEWERS.cambodia, REVIEWERS.lao, REVIEWERS.myanmar]);
    expect(parsed.review.suggestions.map((s) => s.status)).toEqual(['accepted', 'open', 'open', 'conflicting', 'rejected', 'open', 'open', 'open']);
    const other = open('other.sqlite', 'Secretariat');
    try {
      const imported = await call<{ meeting: { id: string } }>(other, 'importMeeting', {});
      const back = other.store.suggestions.list(imported.meeting.id);
      expect(back.map((s) => [s.author, s.status, s.decision?.by])).toEqual(parsed.review.suggestions.map((s) => [s.author, s.status, s.decision?.by]));
      // The new database's own revision is their base now; the open ones still apply there.
      const list = await call<List>(other, 'listSuggestions', { id: imported.meeting.id });
      expect(list.suggestions.filter((s) => s.status === 'open').every((s) => s.place.ok)).toBe(true);
    } finally {
      other.close();
    }
    // A file without suggestions is written as before (no keys), and an older file is still read.
    const plainFile = parseInterchange(readFileSync('tests/fixtures/minutes-2019.minuta.json', 'utf8'));
    expect(plainFile.ok && plainFile.review).toEqual({ imports: [], suggestions: [] });
  });
});
