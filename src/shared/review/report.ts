import type { Comparison, FieldChange, Position } from './compare';
import type { Segment } from './words';

/**
 * A comparison as readable text (`minuta compare … --format text`): counts, then each change with
 * its path, author and time. Word changes are written as wdiff writes them — `[-deleted-]`,
 * `{+inserted+}` — and formatting changes as `[~words~ was bold, now plain]`; long unchanged
 * stretches are cut to a few words of context.
 */

const CONTEXT = 40;

function marks(m: { bold: boolean; italic: boolean }): string {
  return [m.bold ? 'bold' : '', m.italic ? 'italic' : ''].filter(Boolean).join(' ') || 'plain';
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ');
}

export function segmentsText(segments: readonly Segment[]): string {
  return segments
    .map((s, i) => {
      const text = squash(s.text);
      switch (s.kind) {
        case 'inserted':
          return `{+${text}+}`;
        case 'deleted':
          return `[-${text}-]`;
        case 'formatChanged':
          return `[~${text}~ was ${marks(s.before)}, now ${marks(s.marks)}]`;
        case 'equal': {
          if (text.length <= 2 * CONTEXT) return text;
          const head = i > 0 ? text.slice(0, CONTEXT) : '';
          const tail = i < segments.length - 1 ? text.slice(-CONTEXT) : '';
          return `${head}…${tail}`;
        }
      }
    })
    .join('');
}

const when = (x: { author?: string; date?: string }) =>
  x.author ? ` (${x.author}${x.date ? `, ${x.date.slice(0, 16).replace('T', ' ')}` : ''})` : '';
const where = (p: Position | undefined) => (p ? `${p.parent === 'meeting' ? '' : `${p.parent}.`}${p.list}[${p.index}]` : '?');

function field(f: FieldChange): string {
  const head = `${f.path || '(block)'}${when(f)}`;
  switch (f.kind) {
    case 'text':
      return `${head}: ${segmentsText(f.segments ?? [])}`;
    case 'value':
      return `${head}: ${f.before || '(none)'} → ${f.after || '(none)'}`;
    case 'moved':
      return `${head}: moved from ${where(f.from)} to ${where(f.to)}`;
    default:
      return `${head}: ${f.kind}${f.segments ? ` ${segmentsText(f.segments)}` : ''}`;
  }
}

export function comparisonReport(c: Comparison, labels: { a: string; b: string }): string {
  const n = c.counts;
  const lines = [
    `Comparison of ${labels.a} and ${labels.b}`,
    `Blocks: ${n.changed} changed, ${n.added} added, ${n.removed} removed, ${n.moved} moved. Title, dates, venue and register: ${n.head} changed. ` +
      `Words: ${n.insertedWords} inserted, ${n.deletedWords} deleted; ${n.formatChanges} formatting changes.`,
  ];
  if (c.head.length) {
    lines.push('', 'Title, dates, venue and register');
    for (const f of c.head) lines.push(`  ${field(f)}`);
  }
  if (c.blocks.length) lines.push('', 'Body');
  for (const b of c.blocks) {
    const move = b.kind === 'moved' ? ` from ${where(b.from)} to ${where(b.to)}` : '';
    lines.push(`  ${b.kind.padEnd(8)}${b.path} [${b.id}]${move}${when(b)}`);
    if ((b.kind === 'added' || b.kind === 'removed') && b.text) lines.push(`    ${b.kind === 'added' ? `{+${squash(b.text)}+}` : `[-${squash(b.text)}-]`}`);
    for (const f of b.fields) lines.push(`    ${field(f)}`);
  }
  return lines.join('\n');
}
