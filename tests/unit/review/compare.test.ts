import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/shared/minutes';
import { attributionFromRevisions, compareMeetings } from '../../../src/shared/review/compare';
import { diffRichText, segmentsToRichText } from '../../../src/shared/review/words';
import { base, edit, list, section } from './pairs';

describe('compareMeetings', () => {
  it('finds nothing between a meeting and its copy', () => {
    const c = compareMeetings(base(), structuredClone(base()));
    expect(c.blocks).toEqual([]);
    expect(c.head).toEqual([]);
    expect(c.counts).toMatchObject({ added: 0, removed: 0, moved: 0, changed: 0, head: 0, insertedWords: 0, deletedWords: 0, formatChanges: 0 });
  });

  it('shows a word edit inside a paragraph as the words deleted and inserted, the rest equal', () => {
    const b = edit((m) => {
      const p = section(m).blocks[0] as { text: { text: string }[] };
      p.text = [{ text: 'The meeting opened at ten in the morning.' }];
    });
    const c = compareMeetings(base(), b);
    expect(c.blocks).toHaveLength(1);
    expect(c.blocks[0]).toMatchObject({ kind: 'changed', id: 'b_p1', type: 'paragraph', path: 'PROCEEDINGS › paragraph' });
    const [f] = c.blocks[0]!.fields;
    expect(f).toMatchObject({ kind: 'text', owner: 'b_p1', field: 'text', path: 'text' });
    expect(f!.segments!.map((s) => [s.kind, s.text])).toEqual([
      ['equal', 'The meeting opened at '],
      ['deleted', 'nine'],
      ['inserted', 'ten'],
      ['equal', ' in the morning.'],
    ]);
    expect(c.counts).toMatchObject({ changed: 1, insertedWords: 1, deletedWords: 1 });
  });

  it('replaces a phrase as one deletion and one insertion, not word by word around common spaces', () => {
    const s = diffRichText([{ text: 'we saw the cat today' }], [{ text: 'we saw a dog today' }]);
    expect(s.map((x) => [x.kind, x.text])).toEqual([
      ['equal', 'we saw '],
      ['deleted', 'the cat'],
      ['inserted', 'a dog'],
      ['equal', ' today'],
    ]);
    expect(segmentsToRichText(s, 'before')).toEqual([{ text: 'we saw ' }, { text: 'the cat' }, { text: ' today' }]);
  });

  it('shows bold and italic changes as formatting changes with the marks before and after', () => {
    const b = edit((m) => {
      const p = section(m).blocks[1] as { text: { text: string; bold?: boolean; italic?: boolean }[] };
      p.text = [{ text: 'Delegates ' }, { text: 'agreed', bold: true }, { text: ' on the work ' }, { text: 'plan', italic: true }, { text: '.' }];
    });
    const c = compareMeetings(base(), b);
    const segs = c.blocks[0]!.fields[0]!.segments!;
    expect(segs.filter((s) => s.kind === 'formatChanged')).toEqual([
      { kind: 'formatChanged', text: 'agreed', marks: { bold: true, italic: false }, before: { bold: false, italic: false } },
      { kind: 'formatChanged', text: 'plan', marks: { bold: false, italic: true }, before: { bold: false, italic: false } },
    ]);
    expect(c.counts).toMatchObject({ insertedWords: 0, deletedWords: 0, formatChanges: 2 });
  });

  it('shows a block moved to another parent as one move with its positions, not a deletion and an insertion', () => {
    const b = edit((m) => {
      const moved = section(m).blocks.splice(1, 1)[0]!;
      m.body.splice(2, 0, moved as Meeting['body'][number]);
    });
    const c = compareMeetings(base(), b);
    expect(c.blocks).toEqual([
      expect.objectContaining({ kind: 'moved', id: 'b_p2', from: { parent: 'b_s1', list: 'blocks', index: 1 }, to: { parent: 'meeting', list: 'body', index: 2 }, fields: [] }),
    ]);
    expect(c.counts).toMatchObject({ moved: 1, added: 0, removed: 0, insertedWords: 0, deletedWords: 0 });
  });

  it('shows a moved block that was also edited as a move with its edits', () => {
    const b = edit((m) => {
      const moved = section(m).blocks.splice(0, 1)[0]! as { text: { text: string }[] };
      moved.text = [{ text: 'The meeting opened at nine.' }];
      section(m).blocks.push(moved as never);
    });
    const c = compareMeetings(base(), b);
    expect(c.blocks).toHaveLength(1);
    expect(c.blocks[0]).toMatchObject({ kind: 'moved', id: 'b_p1', from: { index: 0 }, to: { index: 1 } });
    expect(c.blocks[0]!.fields[0]!.segments!.filter((s) => s.kind === 'deleted').map((s) => s.text)).toEqual([' in the morning']);
  });

  it('shows a bullet moved within its list as a moved item of the list block', () => {
    const b = edit((m) => {
      const items = list(m).items;
      items.push(items.shift()!);
    });
    const c = compareMeetings(base(), b);
    expect(c.blocks).toHaveLength(1);
    expect(c.blocks[0]).toMatchObject({ kind: 'changed', id: 'b_l1' });
    expect(c.blocks[0]!.fields).toEqual([
      expect.objectContaining({ kind: 'moved', owner: 'i_1', path: 'items[i_1]', from: { parent: 'b_l1', list: 'items', index: 0 }, to: { parent: 'b_l1', list: 'items', index: 2 } }),
    ]);
    expect(c.items.get('i_1')).toMatchObject({ kind: 'moved' });
  });

  it('lists added and removed blocks and bullets with their words', () => {
    const b = edit((m) => {
      section(m).blocks.splice(0, 1);
      section(m).blocks.push({ id: 'b_new', type: 'paragraph', text: [{ text: 'A new paragraph here.' }] });
      list(m).items.splice(1, 1, { id: 'i_9', text: [{ text: 'Replacement point' }] });
    });
    const c = compareMeetings(base(), b);
    expect(c.blocks.map((x) => [x.kind, x.id])).toEqual([
      ['added', 'b_new'],
      ['changed', 'b_l1'],
      ['removed', 'b_p1'],
    ]);
    expect(c.blocks[0]!.text).toBe('A new paragraph here.');
    expect(c.blocks[1]!.fields.map((f) => [f.kind, f.owner])).toEqual([
      ['removed', 'i_2'],
      ['added', 'i_9'],
    ]);
    // "A new paragraph here" + "Replacement point"; "The meeting opened at nine in the morning" + "Second point".
    expect(c.counts).toMatchObject({ added: 1, removed: 1, changed: 1, insertedWords: 6, deletedWords: 10 });
  });

  it('names changes to the title block, dates, venue, register, signatories and routing by a readable path', () => {
    const b = edit((m) => {
      m.titleBlock.title = [{ text: 'Technical consultation on labour migration' }];
      m.dates.end = '2019-11-01';
      m.venue.city = 'Luang Prabang';
      m.people[0]!.titleLines = ['Secretary of State, Ministry of Interior'];
      const sig = m.body[3] as Extract<Meeting['body'][number], { type: 'signatories' }>;
      sig.signatories[0]!.role = 'Head of the Cambodian Delegation';
      const r = m.body[4] as Extract<Meeting['body'][number], { type: 'routing' }>;
      r.steps[0]!.date = '2019-11-04';
      r.steps[0]!.kind = 'seen-and-submitted';
    });
    const c = compareMeetings(base(), b);
    expect(c.head.map((f) => [f.path, f.kind])).toEqual([
      ['titleBlock.title', 'text'],
      ['dates.end', 'value'],
      ['venue.city', 'text'],
      ['people[p_a].titleLines[0]', 'text'],
    ]);
    expect(c.head[1]).toMatchObject({ before: '2019-10-31', after: '2019-11-01' });
    expect(c.blocks.map((x) => [x.id, x.fields.map((f) => [f.path, f.kind])])).toEqual([
      ['b_sig', [['signatories[s_1].role', 'text']]],
      [
        'b_r',
        [
          ['steps[r_1].kind', 'value'],
          ['steps[r_1].date', 'value'],
        ],
      ],
    ]);
    expect(c.counts.head).toBe(4);
  });

  it('segments Khmer, which has no spaces between words, into words', () => {
    const km = (s: string) => [{ text: s }];
    const segs = diffRichText(km('កិច្ចប្រជុំពិគ្រោះយោបល់បច្ចេកទេស'), km('កិច្ចប្រជុំពិគ្រោះការងារបច្ចេកទេស'), 'km');
    expect(segs.map((s) => [s.kind, s.text])).toEqual([
      ['equal', 'កិច្ចប្រជុំពិគ្រោះ'],
      ['deleted', 'យោបល់'],
      ['inserted', 'ការងារ'],
      ['equal', 'បច្ចេកទេស'],
    ]);
  });

  it('carries who changed each block, from the revisions between the two compared', () => {
    const revisions = [
      { id: 1, author: 'import', savedAt: '2026-06-01T08:00:00.000Z', changed: ['b_s1', 'b_l1', '~head'] },
      { id: 2, author: 'sokha', savedAt: '2026-06-02T09:00:00.000Z', changed: ['b_s1'] },
      { id: 3, author: 'noy', savedAt: '2026-06-03T10:00:00.000Z', changed: ['~head', 'b_l1'] },
    ];
    const attribution = attributionFromRevisions(revisions, 1, 3);
    const b = edit((m) => {
      (section(m).blocks[0] as { text: { text: string }[] }).text = [{ text: 'Opened.' }];
      list(m).items[0]!.text = [{ text: 'First item' }];
      m.venue.country = 'Laos';
    });
    const c = compareMeetings(base(), b, { attribution, defaultAttribution: { author: 'unknown' } });
    expect(c.blocks.map((x) => [x.id, x.author, x.date, x.fields[0]!.author])).toEqual([
      ['b_p1', 'sokha', '2026-06-02T09:00:00.000Z', 'sokha'],
      ['b_l1', 'noy', '2026-06-03T10:00:00.000Z', 'noy'],
    ]);
    expect(c.head[0]).toMatchObject({ path: 'venue.country', author: 'noy' });
  });
});
