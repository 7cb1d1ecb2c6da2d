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
  const value = (k: string) => values[k];
  const substitute = (part: string) => part.replace(/\{(\w+)\}/g, (_, k: string) => (value(k) === undefined ? `{${k}}` : String(value(k))));
  return tpl.replace(/\[([^\]]*)\]|[^[]+/g, (whole, optional: string | undefined) => {
    if (optional === undefined) return substitute(whole);
    const names = [...optional.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    return names.every((k) => !isBlank(String(value(k) ?? ''))) ? substitute(optional) : '';
  });
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
