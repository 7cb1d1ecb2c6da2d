import type { ReviewedDocx } from '../../../shared/review/reviewedDocx';
import { readComments } from './comments';
import { readDocument } from './document';
import { readCoreProperties, readCustomProperties, readTrackRevisions } from './properties';
import { readStyles } from './styles';
import { readZipParts } from './zip';

/**
 * Reads a reviewed DOCX (made by Minuta as a review copy, edited in Word or LibreOffice) into the
 * neutral ReviewedDocx. Every problem with the file is a MinutaError('invalid', …) naming it; nothing
 * outside the parts below is inflated or parsed. See README, "Reviewed copies: reading".
 */

export { DOCX_READ_BOUNDS } from './bounds';

const PARTS = {
  document: 'word/document.xml',
  styles: 'word/styles.xml',
  comments: 'word/comments.xml',
  commentsExtended: 'word/commentsextended.xml',
  settings: 'word/settings.xml',
  custom: 'docprops/custom.xml',
  core: 'docprops/core.xml',
} as const;

export function readReviewedDocx(bytes: Uint8Array): ReviewedDocx {
  const parts = readZipParts(bytes, Object.values(PARTS));
  const part = (name: keyof typeof PARTS) => parts.get(PARTS[name]);
  const styles = readStyles(part('styles'));
  const document = readDocument(part('document')!, styles);
  return {
    custom: readCustomProperties(part('custom')),
    core: readCoreProperties(part('core')),
    trackRevisions: readTrackRevisions(part('settings')),
    paragraphs: document.paragraphs,
    comments: readComments(part('comments'), part('commentsExtended'), document.commentRanges),
  };
}
