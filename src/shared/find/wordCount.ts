import { meetingPlainText, type Meeting } from '../minutes';

/**
 * Words in the meeting's text as printed (the same strings as search and the property tests:
 * meetingPlainText), counted with Intl.Segmenter: a word is a segment it calls word-like, so Khmer,
 * Lao and Burmese, written without spaces, are counted in words, not in runs between spaces.
 */
export function countWords(meeting: Meeting): number {
  const segmenter = new Intl.Segmenter(meeting.language, { granularity: 'word' });
  let words = 0;
  for (const text of meetingPlainText(meeting)) {
    for (const s of segmenter.segment(text)) if (s.isWordLike) words++;
  }
  return words;
}
