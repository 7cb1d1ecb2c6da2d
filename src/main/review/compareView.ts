import type { Comparison } from '../../shared/review/compare';
import { layoutRedline } from '../../shared/review/redline';
import { compareVersions, redlineSource, type VersionComparison } from '../export/comparison';
import type { RedlineSource } from '../export/worker/protocol';
import { previewOf, type Preview } from '../export/preview';
import type { MeetingStore } from '../store/meetings';

/**
 * The in-app compare view: main compares and lays out the redline (the same `layoutRedline` and HTML
 * as the redline PDF), the renderer shows it paged like the print preview and filters and steps
 * through its marks. Main does this rather than the renderer because it holds both versions and the
 * revisions that attribute each change; the renderer would otherwise need both whole documents and
 * the history to build the same thing, and the redline would look different from the exported one.
 * The layout runs in the export worker, like every export (a 200-page redline takes about 0.2 s).
 */

type StoreReader = Pick<MeetingStore, 'get' | 'revision' | 'revisions' | 'namedVersions'>;

export interface ChangeSummary {
  kind: 'added' | 'removed' | 'moved' | 'changed' | 'text' | 'value';
  /** Where: "B. PROCEEDINGS › Session 2 › qa", or a head path such as `venue.city`. */
  where: string;
  author: string;
  date?: string;
}

export interface CompareView {
  a: { label: string; revisionId: number };
  b: { label: string; revisionId: number };
  counts: Comparison['counts'];
  /** Every change of the list, flat, with who made it. */
  changes: ChangeSummary[];
  /** Who made the changes, as the filter lists them. */
  authors: string[];
  /** The redline, paged like the print preview. */
  preview: Preview;
}

function summarise(v: VersionComparison): ChangeSummary[] {
  const fallback = v.b.author;
  const out: ChangeSummary[] = [];
  for (const b of v.comparison.blocks) {
    if (b.kind !== 'changed' || b.fields.length === 0) out.push({ kind: b.kind, where: b.path, author: b.author ?? fallback, ...(b.date ? { date: b.date } : {}) });
    for (const f of b.fields) {
      out.push({ kind: f.kind, where: `${b.path} › ${f.path}`, author: f.author ?? b.author ?? fallback, ...(f.date ? { date: f.date } : {}) });
    }
  }
  for (const f of v.comparison.head) out.push({ kind: f.kind, where: f.path, author: f.author ?? fallback, ...(f.date ? { date: f.date } : {}) });
  return out;
}

/**
 * `render`: lays the redline out and pages it (the export worker, in the app); without it, here, on
 * this thread (a process without an export service, e.g. tests of the contract).
 */
export async function compareView(
  store: StoreReader,
  meetingId: string,
  refA: string,
  refB: string,
  render?: (source: RedlineSource) => Promise<Preview>,
): Promise<CompareView> {
  const v = compareVersions(store, meetingId, refA, refB);
  const source = redlineSource(v);
  const preview = render ? await render(source) : previewOf(await layoutRedline(source.a, source.b, source.comparison, source.options));
  const changes = summarise(v);
  return {
    a: { label: v.a.label, revisionId: v.a.revisionId },
    b: { label: v.b.label, revisionId: v.b.revisionId },
    counts: v.comparison.counts,
    changes,
    authors: [...new Set(changes.map((c) => c.author))].sort(),
    preview,
  };
}
