import { plain, richTextToString, type Meeting } from '../../src/shared/minutes';
import type { ReviewChange } from '../../src/shared/minutes/reviewSuggestions';
import type { MappedReview } from '../../src/main/review/importReview';
import type { SuggestionDraft } from '../../src/main/store/suggestions';

/**
 * Pre-mapped reviews of the 2019 seed, as the DOCX reader and mapper will hand them over: three
 * delegations' copies of the same draft. Cambodia and Lao change the same words of b_19008 (a conflict
 * once one is accepted); Myanmar's changes touch other text.
 */

const blockText = (m: Meeting, id: string) => richTextToString((m.body.find((b) => b.id === id) as { text: Parameters<typeof richTextToString>[0] }).text);

/** A replacement of `quote` (its first occurrence) in a paragraph's text, by `insert`. */
export function replaceIn(m: Meeting, id: string, quote: string, insert: string): Extract<ReviewChange, { kind: 'text' }> {
  const start = blockText(m, id).indexOf(quote);
  if (start < 0) throw new Error(`${id} has no "${quote}"`);
  return { kind: 'text', target: id, path: 'text', start, end: start + quote.length, quote, insert: plain(insert) };
}

const draft = (author: string, change: ReviewChange, at = '2019-11-04T09:00:00Z'): SuggestionDraft => ({ author, at, tracked: true, change });

export const REVIEWERS = { cambodia: 'Chou Bun Eng', lao: 'Phengsavanh Thipphavongsay', myanmar: 'Aung Thu' } as const;

/** The three delegations' reviews of the 2019 seed as made from `baseRevision`. */
export function reviews2019(m: Meeting, baseRevision: number): Record<keyof typeof REVIEWERS, MappedReview> {
  const { cambodia, lao, myanmar } = REVIEWERS;
  const ioms = blockText(m, 'b_19008').indexOf('IOM');
  return {
    cambodia: {
      baseRevision,
      reviewer: cambodia,
      threads: [],
      suggestions: [
        draft(cambodia, replaceIn(m, 'b_19008', 'strong support', 'full support')),
        draft(cambodia, { kind: 'format', target: 'b_19008', path: 'text', start: ioms, end: ioms + 3, quote: 'IOM', bold: true }),
        draft(cambodia, { kind: 'insert-item', target: 'b_19010', path: 'items', index: 1, afterId: 'b_19011', value: { id: 'b_19kh01', text: plain('Cross-border referral of victims is slow;') } }),
      ],
    },
    lao: {
      baseRevision,
      reviewer: lao,
      threads: [],
      suggestions: [
        draft(lao, replaceIn(m, 'b_19008', 'her strong support for', 'its support to')),
        draft(lao, { kind: 'remove-item', target: 'b_19010', path: 'items', index: 4, id: 'b_19015', quote: 'Migrants are still deceived by brokers.' }),
      ],
    },
    myanmar: {
      baseRevision,
      reviewer: myanmar,
      threads: [],
      suggestions: [
        draft(myanmar, replaceIn(m, 'b_19001', 'was held in Siem Reap', 'took place in Siem Reap')),
        draft(myanmar, replaceIn(m, 'b_19009', 'migration contribute', 'migration contributes')),
        draft(myanmar, { kind: 'insert-block', container: '~body', afterId: 'b_19016', block: { id: 'b_19mm01', type: 'paragraph', text: plain('The delegations thanked IOM for its support.') } }),
      ],
    },
  };
}
