import type { Run } from './layout';

/**
 * The format prints only what exists: the one rule, in one place.
 *
 * Minutes are drafted live, so any field may still be empty when they are printed. Every word the
 * format adds around data (a bracket, a comma, "to", a colon) goes through the helpers below, which
 * drop it together with the empty data it would have framed: "Answer" rather than "Answer ()",
 * "Submitted, for information" rather than "Submitted to , for information", a place line of the
 * city alone rather than "Siem Reap, ". agreed.ts decides wording; these helpers only decide what of
 * it is left out.
 */

/** Nothing a reader would see: absent, empty, or only white space. */
export function isBlank(s: string | undefined): boolean {
  return s === undefined || s.trim() === '';
}

/** Rich text (or layout runs) with at least one visible character. */
export function hasText(rs: readonly { text: string }[] | undefined): boolean {
  return rs !== undefined && rs.some((r) => !isBlank(r.text));
}

/**
 * A template filled with values. `{name}` is replaced by its value; a part in square brackets is
 * optional and is printed only when every value it names is non-blank:
 *
 *     fill('Answer[ ({label})]', { label: 'MoLVT' })  → "Answer (MoLVT)"
 *     fill('Answer[ ({label})]', { label: '' })       → "Answer"
 *     fill('Submitted[ to {recipient}][, {purpose}]', { recipient: '', purpose: 'for information' })
 *                                                     → "Submitted, for information"
 *
 * Values are inserted as stored (not trimmed), so the printed text is the typed text. A name with no
 * value stays as `{name}`, which shows the mistake in the template instead of hiding it. Brackets do
 * not nest; a template that needs a literal "[" or "]" cannot have one (none does).
 */
export function fill(tpl: string, values: Record<string, string | number | undefined>): string {
  return fillRuns(tpl, values, (s) => [{ text: s, script: 'latin' }])
    .map((r) => r.text)
    .join('');
}

type Value = string | number | undefined | readonly Run[];
const blank = (v: Value) => (typeof v === 'object' ? !hasText(v) : isBlank(v === undefined ? undefined : String(v)));

/**
 * `fill` for a template with rich-text values ("Session {n}[: {title}]" with the title's runs): the
 * template's words and string values become runs through `words` (the caller's style, e.g. bold);
 * rich-text values keep their own runs, so a title's italic survives.
 */
export function fillRuns(tpl: string, values: Record<string, Value>, words: (s: string) => Run[]): Run[] {
  const out: Run[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer !== '') out.push(...words(buffer));
    buffer = '';
  };
  const substitute = (part: string) => {
    for (const m of part.matchAll(/\{(\w+)\}|[^{]+|\{/g)) {
      if (m[1] === undefined) buffer += m[0];
      else {
        const v = values[m[1]];
        if (v === undefined) buffer += m[0];
        else if (typeof v === 'object') {
          flush();
          out.push(...v);
        } else buffer += String(v);
      }
    }
  };
  for (const m of tpl.matchAll(/\[([^\]]*)\]|[^[]+|\[/g)) {
    const optional = m[1];
    if (optional === undefined) substitute(m[0]);
    else if ([...optional.matchAll(/\{(\w+)\}/g)].every((n) => !blank(values[n[1]!]))) substitute(optional);
  }
  flush();
  return out;
}

/** Non-blank parts joined by `separator`: `joinParts(['Siem Reap', ''], ', ')` → "Siem Reap". */
export function joinParts(parts: readonly (string | undefined)[], separator: string): string {
  return parts.filter((p): p is string => !isBlank(p)).join(separator);
}

/**
 * The run form of `joinParts`: non-blank parts, each kept as its own runs (marks and scripts as they
 * are), with the separator's runs between them. A label and the text it introduces
 * (`joinRuns([speaker, text], colon)`) lose the colon when either is missing.
 */
export function joinRuns(parts: readonly Run[][], separator: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const part of parts) {
    if (!hasText(part)) continue;
    if (out.length > 0) out.push(...separator.map((r) => ({ ...r })));
    out.push(...part);
  }
  return out;
}
