import { describe, expect, it } from 'vitest';
import {
  INTERCHANGE_VERSION,
  LIMITS,
  ID_PATTERN,
  formatIssues,
  Meeting,
  newId,
  parseInterchange,
  serializeInterchange,
  validateMeeting,
} from '../../../src/shared/minutes';
import { readFixture } from './helpers';

/** The 2019 fixture as a plain object, to be broken in one place per test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests corrupt raw JSON at arbitrary paths
function envelope(): { format: string; version: number; meeting: Record<string, any> } {
  return JSON.parse(readFixture('minutes-2019.minuta.json'));
}
const parse = (value: unknown) => parseInterchange(typeof value === 'string' ? value : JSON.stringify(value));
function errorsOf(value: unknown): string[] {
  const result = parse(value);
  if (result.ok) throw new Error('expected the input to be rejected');
  return result.errors;
}

/** A list block whose bullets are nested `depth` levels, built as text (no recursion anywhere). */
function deepBulletsJson(depth: number): string {
  let list = '';
  for (let i = 1; i < depth; i++) list += `{"id":"b_deep${i}","text":[{"text":"x"}],"children":[`;
  list += `{"id":"b_leaf","text":[]}${']}'.repeat(depth - 1)}`;
  const e = envelope();
  e.meeting.body = [{ id: 'b_list', type: 'list', role: 'points', numbering: 'bullet', items: ['__ITEMS__'] }];
  return JSON.stringify(e).replace('"__ITEMS__"', list);
}

describe('parseInterchange rejects malformed input with a clear message', () => {
  it('invalid JSON, saying where', () => {
    const errors = errorsOf('{"format": "minuta", "version": 1, "meeting": {');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Not valid JSON: .*position \d+/);
  });

  it('JSON that is not an object', () => {
    expect(errorsOf('[1,2,3]')[0]).toMatch(/^Not a Minuta file/);
  });

  it('an unknown format', () => {
    expect(errorsOf({ ...envelope(), format: 'docx' })).toEqual(['Not a Minuta file: format is "docx", expected "minuta"']);
  });

  it('a newer version', () => {
    expect(errorsOf({ ...envelope(), version: 4 })).toEqual(['version 4 is newer than this Minuta understands (3)']);
  });

  it('a version that is not a whole number', () => {
    expect(errorsOf({ ...envelope(), version: '1' })[0]).toMatch(/^Unknown version "1"/);
    expect(errorsOf({ ...envelope(), version: 0.5 })[0]).toMatch(/^Unknown version 0.5/);
  });

  it('a wrong type at a nested path, naming the path', () => {
    const e = envelope();
    e.meeting.body[7].items[2].text = 5; // the third challenge
    expect(errorsOf(e)).toEqual([expect.stringMatching(/^meeting\.body\[7\]\.items\[2\]\.text: .*expected array/i)]);
  });

  it('a bad date and an end before the start', () => {
    const e = envelope();
    e.meeting.dates = { start: '2019-10-31', end: '2019-10-30' };
    e.meeting.body[11].date = '2019-02-30';
    const errors = errorsOf(e);
    expect(errors).toContain('meeting.dates.end: The end date is before the start date');
    expect(errors).toContain('meeting.body[11].date: Invalid date: no such day in the calendar');
  });

  it('an unknown block type', () => {
    const e = envelope();
    e.meeting.body[0].type = 'poem';
    expect(errorsOf(e)[0]).toMatch(/^meeting\.body\[0\]\.type: /);
  });

  it('an unknown key (objects are strict)', () => {
    const e = envelope();
    e.meeting.body[9].colour = 'red';
    expect(errorsOf(e)).toEqual(['meeting.body[9]: Unrecognized key: "colour"']);
  });

  it('a string over the per-text limit, naming the path and not echoing the text', () => {
    const e = envelope();
    e.meeting.body[1].items[0].text = [{ text: 'x'.repeat(LIMITS.maxTextLength + 1) }];
    const errors = errorsOf(e);
    expect(errors).toEqual([
      `meeting.body[1].items[0].text[0].text: String must contain at most ${LIMITS.maxTextLength} character(s)`,
    ]);
  });

  it('a 50 MB string quickly, without building a huge message', () => {
    const e = envelope();
    e.meeting.body[1].items[0].text = [{ text: '__BIG__' }];
    const json = JSON.stringify(e).replace('__BIG__', 'x'.repeat(50 * 1024 * 1024));
    const t0 = performance.now();
    const errors = errorsOf(json);
    const ms = performance.now() - t0;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^The document is too large: 50\.\d MB; the limit is 20\.0 MB$/);
    expect(ms).toBeLessThan(1000);
  });

  it('bullets nested 10,000 deep: rejected with the path, no stack overflow', () => {
    const errors = errorsOf(deepBulletsJson(10_000));
    expect(errors).toHaveLength(1);
    // Reported at the first bullet that is too deep (level 9), not 10,000 levels down.
    expect(errors[0]).toBe(
      `meeting.body[0].items[0]${'.children[0]'.repeat(LIMITS.maxBulletDepth)}: Bullets are nested deeper than ${LIMITS.maxBulletDepth} levels`,
    );
    expect(errors[0]!.length).toBeLessThan(500);
  });

  it('bullets: exactly the limit passes, one more level fails', () => {
    expect(parse(deepBulletsJson(LIMITS.maxBulletDepth)).ok).toBe(true);
    const errors = errorsOf(deepBulletsJson(LIMITS.maxBulletDepth + 1));
    expect(errors).toEqual([
      `meeting.body[0].items[0]${'.children[0]'.repeat(LIMITS.maxBulletDepth)}: Bullets are nested deeper than ${LIMITS.maxBulletDepth} levels`,
    ]);
  });

  it('any other deep nesting (10,000 arrays) is rejected too', () => {
    const e = envelope();
    e.meeting.body[0].text = '__DEEP__';
    const json = JSON.stringify(e).replace('"__DEEP__"', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    const errors = errorsOf(json);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^meeting\.body\[0\]\.text(\[0\])+…\(\d+ more segments\)…(\[0\])+: Nested deeper than 64 levels$/);
  });

  it('duplicate ids, naming both places', () => {
    const e = envelope();
    e.meeting.body[7].items[3].id = e.meeting.body[7].items[1].id;
    const dup = e.meeting.body[7].items[1].id as string;
    expect(errorsOf(e)).toEqual([`meeting.body[7].items[3].id: Duplicate id "${dup}" (first used at meeting.body[7].items[1].id)`]);
  });

  it('a reference to a person who is not in the register', () => {
    const e = envelope();
    e.meeting.body[12].signatories[1].personId = 'p_nobody';
    expect(errorsOf(e)).toEqual(['meeting.body[12].signatories[1].personId: Unknown person id "p_nobody"']);
  });

  it('a malformed id', () => {
    const e = envelope();
    e.meeting.body[0].id = 'Block 1';
    expect(errorsOf(e)[0]).toMatch(/^meeting\.body\[0\]\.id: Invalid id/);
  });

  it('caps the number of reported problems', () => {
    const e = envelope();
    e.meeting.people = Array.from({ length: 200 }, () => ({ id: 7 }));
    const errors = errorsOf(e);
    expect(errors).toHaveLength(LIMITS.maxReportedIssues + 1);
    expect(errors.at(-1)).toMatch(/^…and \d+ more problem\(s\)$/);
  });
});

describe('validateMeeting (for values from IPC or the store)', () => {
  it('accepts a fixture meeting and rejects a broken one with meeting-rooted paths', () => {
    const { meeting } = envelope();
    expect(validateMeeting(meeting).ok).toBe(true);
    meeting.titleBlock.title = 'not rich text';
    const result = validateMeeting(meeting);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^meeting\.titleBlock\.title: /);
  });

  it('formatIssues renders zod paths', () => {
    const r = Meeting.safeParse({ id: 'm_x' });
    expect(r.success).toBe(false);
    if (!r.success) expect(formatIssues(r.error, ['meeting'])).toContain('meeting.language: Invalid input: expected string, received undefined');
  });
});

describe('serializeInterchange', () => {
  it('is stable: parse ∘ serialize is the identity on its output', () => {
    const first = parse(readFixture('minutes-2018.minuta.json'));
    if (!first.ok) throw new Error(first.errors.join('\n'));
    const text = serializeInterchange(first.meeting);
    const second = parseInterchange(text);
    if (!second.ok) throw new Error(second.errors.join('\n'));
    expect(serializeInterchange(second.meeting)).toBe(text);
    expect(text.startsWith('{\n  "format": "minuta",\n  "version": 3,\n  "meeting": {\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('refuses to write an invalid meeting', () => {
    const { meeting } = envelope();
    meeting.body[0].type = 'poem';
    expect(() => serializeInterchange(meeting as never)).toThrow();
  });
});

describe('version 2: comment threads', () => {
  const thread = (blockId: string) => ({
    id: 'c_thread1',
    anchor: { blockId, range: { path: 'text', start: 0, end: 3, quote: 'The' } },
    comments: [
      { id: 'cm_first', author: 'Ana', at: '2019-11-02T10:00:00.000Z', text: 'Is this the agreed wording?' },
      { id: 'cm_reply', author: 'Sok', at: '2019-11-02T11:00:00Z', text: 'Yes, as in Draft 1.' },
    ],
    resolution: { resolved: true, by: 'Ana', at: '2019-11-02T12:00:00Z' },
  });

  it('reads a version-1 file unchanged, with no comments', () => {
    const v1 = envelope();
    expect(v1.version).toBe(1);
    const result = parse(v1);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.comments).toEqual([]);
    expect(result.meeting).toEqual(Meeting.parse(v1.meeting));
  });

  it('writes the current version with the threads, and reads them back as written', () => {
    const { meeting } = envelope();
    const first = parse(envelope());
    if (!first.ok) throw new Error(first.errors.join('\n'));
    const text = serializeInterchange(first.meeting, [thread(meeting.body[0].id)]);
    expect(JSON.parse(text)).toMatchObject({ version: INTERCHANGE_VERSION, comments: [{ id: 'c_thread1', comments: [{ author: 'Ana' }, { author: 'Sok' }] }] });
    const back = parseInterchange(text);
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.comments).toEqual([thread(meeting.body[0].id)]);
    expect(serializeInterchange(back.meeting, back.comments)).toBe(text);
  });

  it('refuses a version-2 file whose comments are malformed, naming the path', () => {
    const e = { ...envelope(), version: 2, comments: [{ ...thread('b_x'), comments: [] }] };
    expect(errorsOf(e).join('\n')).toContain('comments[0].comments');
    const lying = thread('b_x');
    lying.anchor.range.quote = 'Thx';
    lying.anchor.range.end = 2;
    expect(errorsOf({ ...envelope(), version: 2, comments: [lying] }).join('\n')).toContain('comments[0].anchor.range');
    const dup = thread('b_x');
    dup.comments[1]!.id = 'cm_first';
    expect(errorsOf({ ...envelope(), version: 2, comments: [dup] }).join('\n')).toContain('duplicate comment id cm_first');
    expect(errorsOf({ ...envelope(), version: 2 }).join('\n')).toContain('comments');
  });
});

describe('version 3: front matter, agenda, headings', () => {
  /** The 2019 fixture with every shape version 3 added. */
  const withFrontMatter = () => {
    const e = envelope();
    e.meeting.frontMatter = {
      symbol: 'RCM/2024/3',
      issuingBody: [{ text: 'Regional ', bold: true }, { text: 'Consultative Meeting' }],
      distribution: 'Limited',
      dateOfIssue: '2024-03-20',
      originalLanguage: 'English',
      classification: 'CONFIDENTIAL',
      meetingTime: '10 a.m.',
      dateline: [{ text: 'Bangkok, 12 March 2024' }],
    };
    e.meeting.agenda = [
      { id: 'ag_3', number: '3', title: [{ text: 'Adoption of the agenda' }], documents: ['RCM/2024/1'] },
      { id: 'ag_3a', number: '3 (a)', title: [{ text: 'Labour migration' }], documents: [] },
    ];
    e.meeting.body.unshift(
      { id: 'b_agenda', type: 'agenda' },
      { id: 'b_h1', type: 'heading', level: 1, text: [], agendaItemId: 'ag_3' },
      { id: 'b_h2', type: 'heading', level: 2, text: [{ text: 'Opening' }] },
    );
    return e;
  };

  it('reads a version-2 file as it is', () => {
    const v2 = { ...envelope(), version: 2, comments: [] };
    const result = parse(v2);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.meeting).toEqual(Meeting.parse(envelope().meeting));
    expect(JSON.parse(serializeInterchange(result.meeting)).version).toBe(3);
  });

  it('round-trips a version-3 file with front matter, an agenda, heading and agenda blocks', () => {
    expect(INTERCHANGE_VERSION).toBe(3);
    const first = parse({ ...withFrontMatter(), version: 3, comments: [] });
    if (!first.ok) throw new Error(first.errors.join('\n'));
    const text = serializeInterchange(first.meeting);
    const back = parseInterchange(text);
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.meeting).toEqual(first.meeting);
    expect(serializeInterchange(back.meeting)).toBe(text);
    expect(back.meeting.frontMatter?.symbol).toBe('RCM/2024/3');
    expect(back.meeting.agenda?.map((a) => a.number)).toEqual(['3', '3 (a)']);
    expect(back.meeting.body.slice(0, 3).map((b) => b.type)).toEqual(['agenda', 'heading', 'heading']);
  });

  it('refuses a heading naming an agenda item the meeting does not have, and a wrong level, by path', () => {
    const dangling = withFrontMatter();
    dangling.meeting.body[1].agendaItemId = 'ag_nope';
    expect(errorsOf({ ...dangling, version: 3, comments: [] }).join('\n')).toMatch(/body\[1\]\.agendaItemId.*Unknown agendaItem id "ag_nope"/);
    const level = withFrontMatter();
    level.meeting.body[2].level = 4;
    expect(errorsOf({ ...level, version: 3, comments: [] }).join('\n')).toContain('body[2].level');
    const dup = withFrontMatter();
    dup.meeting.agenda[1].id = 'ag_3';
    expect(errorsOf({ ...dup, version: 3, comments: [] }).join('\n')).toContain('Duplicate id "ag_3"');
  });

  it('refuses a version-4 file as newer', () => {
    expect(errorsOf({ ...withFrontMatter(), version: 4, comments: [] }).join('\n')).toContain('newer than this Minuta understands (3)');
  });
});

describe('newId', () => {
  it('makes well-formed, distinct ids', () => {
    const ids = Array.from({ length: 2000 }, () => newId('b'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    expect(ids[0]).toMatch(/^b_[0-9a-z]{12}$/);
    expect(() => newId('Bad')).toThrow();
  });
});
