import { readFileSync } from 'node:fs';
import { meetingPlainText, parseInterchange, validateMeeting, type Block, type Meeting } from '../../src/shared/minutes';

/** Characters of minutes text on one A4 page of the agreed format (≈ 500 words). */
export const CHARS_PER_PAGE = 3000;

/**
 * A long minutes document for benchmarks: the 2018 seed with its discussion sessions repeated (each
 * copy with fresh ids and its own title) until the text fills about `pages` A4 pages.
 */
export function generateLongMeeting(pages: number): { meeting: Meeting; chars: number; sessions: number } {
  const parsed = parseInterchange(readFileSync('tests/fixtures/minutes-2018.minuta.json', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const seed = parsed.meeting;
  const chars = (m: Meeting) => meetingPlainText(m).join('\n').length;
  const section = seed.body.find((b) => b.type === 'section' && b.blocks.some((x) => x.type === 'session')) as Extract<Block, { type: 'section' }>;
  const sessions = section.blocks.filter((b) => b.type === 'session');
  const perRound = sessions.reduce((n, s) => n + meetingPlainText({ ...seed, titleBlock: { title: [] }, venue: { city: '', country: '' }, body: [s] }).join('\n').length, 0);
  const rounds = Math.max(1, Math.floor((pages * CHARS_PER_PAGE - chars(seed)) / perRound));

  let counter = 0;
  const reid = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reid);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === 'id' && typeof v === 'string' ? `${v.slice(0, v.indexOf('_'))}_g${(counter++).toString(36)}` : reid(v);
    }
    return out;
  };
  const copies: Block[] = [];
  let added = 0;
  for (let r = 0; r < rounds || chars(seed) + added < pages * CHARS_PER_PAGE; r++) {
    for (const s of sessions) {
      const copy = reid(s) as Extract<Block, { type: 'session' }>;
      copy.number = copies.length + 1;
      copy.title = [...copy.title, { text: ` (day ${r + 1})` }];
      copies.push(copy);
      added += meetingPlainText({ ...seed, titleBlock: { title: [] }, venue: { city: '', country: '' }, body: [copy] }).join('\n').length + 1;
    }
  }
  const meeting: Meeting = {
    ...seed,
    id: 'm_bench200',
    body: seed.body.map((b) => (b === section ? { ...section, blocks: copies as typeof section.blocks } : b)),
  };
  const valid = validateMeeting(meeting);
  if (!valid.ok) throw new Error(valid.errors.slice(0, 3).join('\n'));
  return { meeting, chars: chars(meeting), sessions: copies.length };
}
