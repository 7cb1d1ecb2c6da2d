import type { DocxComment } from '../../../shared/review/reviewedDocx';
import { parseXmlPart } from './xml';

/**
 * Comments (word/comments.xml: author, initials, date, one string per paragraph) with their threads
 * and resolved state from word/commentsExtended.xml ([MS-DOCX] §2.5: a w15:commentEx names a comment
 * by the w14:paraId of its last paragraph, its parent the same way, and w15:done="1" when resolved).
 * LibreOffice 7.4 records no reply link at all (neither in DOCX nor in ODF): its reply is a comment on
 * its parent's range, as Word 2010's were. So in a file with no w15:paraIdParent anywhere, comments on
 * one range are one thread, the earliest its start and the others replies to it.
 */

interface Reading {
  comment: DocxComment;
  /** w14:paraId of the comment's last paragraph. */
  lastParaId?: string;
}

const truthy = (v: string | undefined) => v === '1' || v === 'true' || v === 'on';

export function readComments(comments: Uint8Array | undefined, extended: Uint8Array | undefined, ranges: ReadonlyMap<string, string>): DocxComment[] {
  if (!comments) return [];
  const read: Reading[] = [];
  const path: string[] = [];
  let current: Reading | undefined;
  let paragraph: string | undefined;
  let inText = false;
  parseXmlPart('word/comments.xml', comments, {
    open(el) {
      path.push(el.name);
      if (el.name === 'w:comment' && path.length === 2) {
        const initials = el.attrs.get('w:initials');
        const date = el.attrs.get('w:date');
        current = {
          comment: { id: el.attrs.get('w:id') ?? '', author: el.attrs.get('w:author') ?? '', ...(initials ? { initials } : {}), ...(date ? { date } : {}), text: [] },
        };
      } else if (current && el.name === 'w:p') {
        paragraph = '';
        const paraId = el.attrs.get('w14:paraId');
        if (paraId) current.lastParaId = paraId;
        else delete current.lastParaId;
      } else if (paragraph !== undefined && el.name === 'w:t') inText = true;
      else if (paragraph !== undefined && (el.name === 'w:tab' || el.name === 'w:br') && path.at(-2) === 'w:r') paragraph += el.name === 'w:tab' ? '\t' : '\n';
    },
    close(name) {
      path.pop();
      if (name === 'w:t') inText = false;
      else if (name === 'w:p' && current && paragraph !== undefined) {
        current.comment.text.push(paragraph);
        paragraph = undefined;
      } else if (name === 'w:comment' && current && path.length === 1) {
        read.push(current);
        current = undefined;
      }
    },
    text(t) {
      if (inText && paragraph !== undefined) paragraph += t;
    },
  });
  if (extended) {
    const byParaId = new Map(read.filter((r) => r.lastParaId).map((r) => [r.lastParaId!, r.comment]));
    parseXmlPart('word/commentsExtended.xml', extended, {
      open(el) {
        if (el.name !== 'w15:commentEx') return;
        const comment = byParaId.get(el.attrs.get('w15:paraId') ?? '');
        if (!comment) return;
        const parent = byParaId.get(el.attrs.get('w15:paraIdParent') ?? '');
        if (parent && parent !== comment) comment.parentId = parent.id;
        if (truthy(el.attrs.get('w15:done'))) comment.done = true;
      },
      close() {},
      text() {},
    });
  }
  const all = read.map((r) => r.comment);
  if (!all.some((c) => c.parentId !== undefined)) threadByRange(all, ranges);
  return all;
}

function threadByRange(comments: DocxComment[], ranges: ReadonlyMap<string, string>): void {
  const byRange = new Map<string, DocxComment[]>();
  for (const c of comments) {
    const range = ranges.get(c.id);
    if (range === undefined) continue;
    byRange.set(range, [...(byRange.get(range) ?? []), c]);
  }
  for (const thread of byRange.values()) {
    if (thread.length < 2) continue;
    // The earliest is the start of the thread (LibreOffice writes the reply first); undated ones last.
    const first = thread.reduce((a, b) => ((b.date ?? '\uffff') < (a.date ?? '\uffff') ? b : a));
    for (const c of thread) if (c !== first) c.parentId = first.id;
  }
}
