import { type ChangeKind, type ChangeMark, type ComparisonNote, type LayoutBlock, type LayoutDocument, type LayoutList, type LayoutParagraph, type Run, blockLines, signatureRuns } from './layout';
import { ALL_SCRIPTS, SCRIPTS, type Script } from './scripts';
import { LABEL_STYLES, TITLE_LINES, type LabelStyle, labelParts } from './template';

/**
 * Layout tree → one self-contained HTML document with print CSS. Mechanical:
 * every decision about wording, bold and order was made by agreed.ts. No DOM
 * APIs: main (PDF printing) and the renderer (the paged preview) both call it.
 *
 * Print rules worth knowing:
 *  - `@page` margin boxes carry the footer ("Page X of Y", the fingerprint)
 *    and the draft mark, so they repeat on every page and never collide with
 *    the text;
 *  - each signature box is an `<a href="sig:N">` block of fixed size: Chromium
 *    prints it as a /Link annotation with the box's exact /Rect, which the PDF
 *    finisher turns into the signature field;
 *  - a row of signature blocks and a routing step never split across pages;
 *  - nothing is clipped: a token longer than its line (a hash, a reference number, a run of Khmer
 *    without a break opportunity) wraps where it must (`overflow-wrap: anywhere`, inherited by every
 *    text container), and grid columns have no min-content floor, so the signature grid and the
 *    routing chain stay three and two columns wide whatever their names hold.
 */

export interface HtmlOptions {
  /** URL of a font file, given its path relative to `node_modules/@fontsource/` (a data: URL, a served path…). */
  fontUrl: (file: string) => string;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);
/** A CSS string literal. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\a ')}"`;

const FAMILY_STACK = (first: Script) => {
  const order: Script[] = [first, ...ALL_SCRIPTS.filter((s) => s !== first)];
  return order.map((s) => `'${SCRIPTS[s].family}'`).join(', ');
};

/** The font stack and line height (the template's, else the body's) of each script's runs: `<span class="s-khmer">` and the like. */
const scriptRulesCss = (ty: LayoutDocument['style']['typography']) =>
  ALL_SCRIPTS.filter((s) => s !== 'latin')
    .map((s) => `.s-${s} { font-family: ${FAMILY_STACK(s)}; line-height: ${n(ty.scriptLineHeights[s] ?? ty.lineHeight)}; }`)
    .join('\n');

/** The colours of a redline's changes: the CSS below and the tests that read them back from the PDF. */
export const CHANGE_COLOURS: Record<ChangeKind, string> = {
  inserted: '#1d4ed8',
  deleted: '#c81e1e',
  movedTo: '#047857',
  movedFrom: '#0f766e',
  formatChanged: '#7e22ce',
};

/** A redline's change on a run: <ins>/<del> (or a span for formatting), its author and time as a tooltip. */
const CHANGE_TAG: Record<ChangeKind, [string, string]> = {
  inserted: ['ins', 'c-ins'],
  deleted: ['del', 'c-del'],
  movedTo: ['ins', 'c-mvto'],
  movedFrom: ['del', 'c-mvfrom'],
  formatChanged: ['span', 'c-fmt'],
};
const CHANGE_WORD: Record<ChangeKind, string> = {
  inserted: 'Inserted',
  deleted: 'Deleted',
  movedTo: 'Moved here',
  movedFrom: 'Moved away',
  formatChanged: 'Formatting changed',
};
function changeTitle(c: ChangeMark): string {
  const was = c.before ? ` (was ${[c.before.bold ? 'bold' : '', c.before.italic ? 'italic' : ''].filter(Boolean).join(' ') || 'plain'})` : '';
  return escapeHtml(`${CHANGE_WORD[c.kind]} by ${c.author}, ${c.date.slice(0, 16).replace('T', ' ')}${was}`);
}

function run(r: Run): string {
  let s = escapeHtml(r.text);
  if (r.script !== 'latin') s = `<span lang="${SCRIPTS[r.script].lang}" class="s-${r.script}">${s}</span>`;
  if (r.italic) s = `<i>${s}</i>`;
  if (r.bold) s = `<b>${s}</b>`;
  if (r.change) {
    const [tag, cls] = CHANGE_TAG[r.change.kind];
    // data-author: the in-app redline filters and steps through changes by who made them.
    s = `<${tag} class="${cls}" title="${changeTitle(r.change)}" data-author="${escapeHtml(r.change.author)}">${s}</${tag}>`;
  }
  if (r.note) s += `<sup class="fn-ref">${r.note.n}</sup>`;
  return s;
}

/**
 * A block's footnotes, printed at the end of the block's own element (a <span> shown as a block, so
 * that it is valid inside a <p> or a heading and the block stays one element for the live preview).
 * Why not at the page foot: Chromium's print layout has no footnote area (no `float: footnote`) and
 * the app prints with scripts off, so nothing can move a note to the foot of the page it falls on.
 */
function notesHtml(b: LayoutBlock): string {
  const notes: string[] = [];
  for (const line of blockLines(b)) {
    for (const r of line) if (r.note) notes.push(`<span class="fn"><span class="fn-num">${r.note.n}</span>${runsHtml(r.note.runs)}</span>`);
  }
  return notes.length ? `<span class="fn-notes">${notes.join('')}</span>` : '';
}
const runsHtml = (rs: readonly Run[]) => rs.map(run).join('');
/** Lines with a change carry a bar in the margin. */
const changed = (rs: readonly Run[], own?: ChangeMark) => own !== undefined || rs.some((r) => r.change !== undefined);
const barClass = (rs: readonly Run[], own?: ChangeMark) => (changed(rs, own) ? ' c-bar' : '');

function paragraph(p: LayoutParagraph, attr = ''): string {
  const cls = [`p-${p.style}`, p.number !== undefined ? 'p-numbered' : '', p.keepWithNext ? 'keep' : '', changed(p.runs, p.change) ? 'c-bar' : ''].filter(Boolean).join(' ');
  const number = p.number !== undefined ? `<span class="p-num">${escapeHtml(p.number)}</span>` : '';
  return `<p class="${cls}"${attr}>${number}${runsHtml(p.runs)}</p>`;
}

/** A numbered list's class: the seeds' two label styles keep their names; the others are named by their place in LABEL_STYLES. */
const labelClass = (label: LabelStyle) => (label === '1.' ? 'l-decimal' : label === '1)' ? 'l-decimal-paren' : `l-n${LABEL_STYLES.indexOf(label)}`);
const CSS_COUNTER = { '1': 'decimal', a: 'lower-alpha', A: 'upper-alpha', i: 'lower-roman', I: 'upper-roman' } as const;

/** The markers of the label styles the document's lists use, beyond the two every stylesheet has. */
function labelRules(doc: LayoutDocument): string {
  const used = new Set<LabelStyle>();
  const walk = (l: LayoutList) => {
    if (l.label) used.add(l.label);
    l.items.forEach((it) => it.children.forEach((c) => c.kind === 'list' && walk(c)));
  };
  doc.blocks.forEach((b) => b.kind === 'list' && walk(b));
  return [...used]
    .filter((label) => label !== '1.' && label !== '1)')
    .map((label) => {
      const { before, kind, after } = labelParts(label);
      return `ol.${labelClass(label)} > li::marker { content: ${cssString(before)} counter(list-item, ${CSS_COUNTER[kind]}) ${cssString(`${after}\u00a0\u00a0`)}; }\n`;
    })
    .join('');
}

function list(l: LayoutList, attr = ''): string {
  const tag = l.numbering === 'bullet' || l.numbering === 'none' ? 'ul' : 'ol';
  const cls = l.label ? labelClass(l.label) : `l-${l.numbering}`;
  const items = l.items
    .map((it) => {
      const bar = changed(it.runs, it.change) ? ' class="c-bar"' : '';
      return `<li${bar}><p>${runsHtml(it.runs)}</p>${it.children.map((c) => (c.kind === 'list' ? list(c) : paragraph(c))).join('')}</li>`;
    })
    .join('');
  return `<${tag} class="${cls} lv${Math.min(l.level, 3)}"${attr}>${items}</${tag}>`;
}

/** What a comparison's redline says before the minutes: what is compared, how changes look, unprinted changes. */
function comparisonNote(c: ComparisonNote): string {
  const notes = c.notes.length ? `<ul class="cmp-notes">${c.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  return `<section class="comparison"><p class="cmp-head">${escapeHtml(c.heading)}</p><p class="cmp-legend">${escapeHtml(c.legend)}</p>${notes}</section>`;
}

/** Which optional lines a signature grid's blocks have, and how many lines each block has in all. */
function signatureLines(b: Extract<LayoutBlock, { kind: 'signatures' }>) {
  const party = b.cells.some((c) => c.party);
  const place = b.cells.some((c) => c.placeDate);
  return { party, place, lines: 4 + (party ? 1 : 0) + (place ? 1 : 0) };
}

/** A table column's width class ("tw-50", "tw-33_5"); layoutContentCss sets the width of each one a document uses. */
const widthClass = (percent: number) => `tw-${n(percent).replace('.', '_')}`;

/** `attr`: attributes for the block's outer element (its data-block, or nothing). */
function block(b: LayoutBlock, attr: string): string {
  const html = blockElement(b, attr);
  const notes = notesHtml(b);
  return notes ? html.replace(/(<\/\w+>)$/, `${notes}$1`) : html;
}

function blockElement(b: LayoutBlock, attr: string): string {
  switch (b.kind) {
    case 'title':
      return `<header class="title"${attr}>${b.lines.map((l) => `<p class="t-${l.role}${l.align ? ` t-${l.align}` : ''}${barClass(l.runs, l.change)}">${runsHtml(l.runs)}</p>`).join('')}</header>`;
    case 'heading': {
      const cls = [b.pageBreakBefore ? 'page-break' : '', changed(b.runs, b.change) ? 'c-bar' : ''].filter(Boolean).join(' ');
      return `<h${b.level + 1}${attr}${cls ? ` class="${cls}"` : ''}>${runsHtml(b.runs)}</h${b.level + 1}>`;
    }
    case 'table': {
      // Widths by class, not a style attribute: the app's preview allows no inline styles (CSP).
      const cols = b.widthsPercent.map((w) => `<col class="${widthClass(w)}">`).join('');
      const row = (r: (typeof b.rows)[number]) => {
        const bar = changed(r.cells.flat(), r.change) ? ' class="c-bar"' : '';
        if (r.span) return `<tr${bar}><td class="tb-group" colspan="${b.widthsPercent.length}">${runsHtml(r.cells[0] ?? [])}</td></tr>`;
        const tag = r.header ? 'th' : 'td';
        return `<tr${bar}>${r.cells.map((c) => `<${tag}>${runsHtml(c)}</${tag}>`).join('')}</tr>`;
      };
      const head = b.rows.filter((r) => r.header);
      return (
        `<table class="layout-table"${attr}><colgroup>${cols}</colgroup>` +
        (head.length ? `<thead>${head.map(row).join('')}</thead>` : '') +
        `<tbody>${b.rows.filter((r) => !r.header).map(row).join('')}</tbody></table>`
      );
    }
    case 'paragraph':
      return paragraph(b, attr);
    case 'list':
      return list(b, attr);
    case 'signatures': {
      // Every block of the grid has the same lines (an empty one where a signatory has no party or
      // no place and date), so that a row's boxes line up.
      const { party, place, lines } = signatureLines(b);
      const rows: string[] = [];
      for (let i = 0; i < b.cells.length; i += b.perRow) {
        const cells = b.cells.slice(i, i + b.perRow).map(
          (c) =>
            `<div class="sig-cell">${party ? `<p class="sig-party">${runsHtml(c.party ?? [])}</p>` : ''}<p class="sig-role">${runsHtml(c.role)}</p>` +
            `<a class="sig-box" href="sig:${c.index}" title="${escapeHtml(c.field)}"></a>` +
            `<p class="sig-name">${runsHtml(c.name)}</p>` +
            `<div class="sig-titles">${c.titleLines.map((l) => `<p>${runsHtml(l)}</p>`).join('')}</div>` +
            (place ? `<p class="sig-place">${runsHtml(c.placeDate ?? [])}</p>` : '') +
            `</div>`,
        );
        rows.push(`<div class="sig-row${lines > 4 ? ` r${lines}` : ''}">${cells.join('')}</div>`);
      }
      const bar = b.cells.some((c) => signatureRuns(c).some((rs) => changed(rs))) ? ' c-bar' : '';
      return `<section class="signatures${bar}"${attr}>${rows.join('')}</section>`;
    }
    case 'routing':
      return `<section class="routing${b.steps.some((s) => [s.headline, s.placeDate, s.signerRole].some((rs) => changed(rs))) ? ' c-bar' : ''}"${attr}>${b.steps
        .map(
          (s) =>
            `<div class="route"><p class="route-head">${runsHtml(s.headline)}</p><p>${runsHtml(s.placeDate)}</p>` +
            `<p class="route-role">${runsHtml(s.signerRole)}</p>` +
            (s.field
              ? `<a class="sig-box route-box" href="sig:${s.field.index}" title="${escapeHtml(s.field.name)}"></a></div>`
              : `<div class="route-space"></div></div>`),
        )
        .join('')}</section>`;
  }
}

/**
 * The body markup alone (the preview wraps it in its own page frames). The first block of each
 * source carries `data-block="<model block id>"`: inert in print, the preview's anchor to follow the
 * editor's cursor.
 */
export function layoutBodyHtml(doc: LayoutDocument): string {
  const body = layoutBodyChunks(doc).join('\n');
  // A redline keeps a gutter for its change bars: Chromium clips what is printed in the page margins.
  return doc.comparison ? `<div class="redline">${comparisonNote(doc.comparison)}\n${body}</div>` : body;
}

/**
 * The body markup as one string per layout block, each exactly one element (what layoutBodyHtml joins;
 * a redline's wrapper left out): the live preview compares them with what it shows and replaces only
 * the elements that changed, so that Chromium lays out again only around the edit.
 */
export function layoutBodyChunks(doc: LayoutDocument): string[] {
  const marked = new Set<string>();
  return doc.blocks.map((b) => {
    if (b.source === undefined || marked.has(b.source)) return block(b, '');
    marked.add(b.source);
    return block(b, ` data-block="${escapeHtml(b.source)}"`);
  });
}

/**
 * The @font-face rules of `scripts`' shipped fonts. Apart from the rest of the stylesheet so that the
 * renderer's preview can fetch the fonts (data: URLs, which only main can read) once per session and
 * lay out the rest itself.
 */
export function fontFaceCss(scripts: readonly Script[], opts: HtmlOptions): string {
  const out: string[] = [];
  for (const s of scripts) {
    const { files } = SCRIPTS[s];
    for (const f of files) {
      // A face cut into subsets (Latin, Latin Extended) needs each file's range to pick the file; a
      // script's single file draws whatever it has (its spaces and marks among its letters).
      const split = files.filter((x) => x.weight === f.weight && x.style === f.style).length > 1;
      out.push(
        `@font-face{font-family:'${SCRIPTS[s].family}';font-style:${f.style};font-weight:${f.weight};` +
          `src:url(${cssString(opts.fontUrl(f.file))}) format('woff2');${split ? `unicode-range:${f.unicodeRange};` : ''}}`,
      );
    }
  }
  return out.join('\n');
}

/** The print stylesheet, fonts included. */
export function layoutCss(doc: LayoutDocument, opts: HtmlOptions): string {
  return `${fontFaceCss(doc.scripts, opts)}\n${layoutRulesCss(doc)}`;
}

/** A CSS length from a number, as written by hand ("11pt", "11.5pt"). */
const n = (v: number) => String(Number(v.toFixed(3)));

/** The print stylesheet without its @font-face rules (fontFaceCss): everything that depends on the document. */
export function layoutRulesCss(doc: LayoutDocument): string {
  return `${layoutPageCss(doc)}\n${layoutContentCss(doc)}`;
}

/**
 * The @page rule: size, margins and the furniture in its margin boxes (the template's: fingerprint and
 * page number in the footer, the draft mark top right, a classification marking top and bottom centre,
 * the document symbol top left). Apart from the content rules because it changes with every edit (the
 * fingerprint) and a screen never draws it: the live preview leaves it out, so an edit never replaces
 * its stylesheet (which would make Chromium restyle and lay out the whole document again).
 */
export function layoutPageCss(doc: LayoutDocument): string {
  const { page, pageLabel, pageNumbers, fingerprintLabel, draftMark: draft, marking, symbol } = doc.furniture;
  const [top, right, bottom, left] = page.marginsMm;
  const { before, between, after } = pageLabel;
  const ty = doc.style.typography;
  const sans = FAMILY_STACK('latin');
  const box = (area: string, content: string, font: string, rest = '') => `  @${area} { content: ${content}; font: ${font}; ${rest}}\n`;
  const boxes =
    (fingerprintLabel ? box('bottom-left', cssString(fingerprintLabel), `${n(ty.fingerprintSizePt)}pt ${sans}`, 'color: #555; vertical-align: top; padding-top: 4mm; ') : '') +
    (pageNumbers
      ? box('bottom-right', `${cssString(before)} counter(page) ${cssString(between)} counter(pages) ${cssString(after)}`, `${n(ty.pageNumberSizePt)}pt ${sans}`, 'vertical-align: top; padding-top: 4mm; ')
      : '') +
    (marking
      ? box('top-center', cssString(marking), `bold ${n(ty.markSizePt)}pt ${sans}`) + box('bottom-center', cssString(marking), `bold ${n(ty.markSizePt)}pt ${sans}`, 'vertical-align: top; padding-top: 3mm; ')
      : '') +
    (symbol ? box('top-left', cssString(symbol), `${n(ty.pageNumberSizePt)}pt ${sans}`) : '');
  return `@page {
  size: ${page.size};
  margin: ${top}mm ${right}mm ${bottom}mm ${left}mm;
${boxes}  ${draft ? `@top-right { content: ${cssString(draft)}; font: bold ${n(ty.markSizePt)}pt ${sans}; color: #b00020; }` : ''}
}`;
}

/**
 * The rules of a letter's lines, an annex's page break and tables (the participants list), only in a
 * document that has them: a document without them keeps the stylesheet it always had.
 */
function shapeRules(doc: LayoutDocument): string {
  const styles = new Set(doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.style] : [])));
  const widths = [...new Set(doc.blocks.flatMap((b) => (b.kind === 'table' ? b.widthsPercent : [])))];
  return (
    (styles.has('line') ? '.p-line { margin: 0 0 3pt; }\n' : '') +
    (styles.has('dateline') ? '.p-dateline { margin: 0 0 9pt; text-align: right; }\n' : '') +
    (doc.blocks.some((b) => b.kind === 'heading' && b.pageBreakBefore) ? '.page-break { break-before: page; }\n' : '') +
    (doc.blocks.some((b) => b.kind === 'table')
      ? `table.layout-table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 9pt; }
.layout-table th, .layout-table td { border: 0.5pt solid #777; padding: 1mm 2mm; text-align: left; vertical-align: top; }
.layout-table tr { break-inside: avoid; }
.layout-table .tb-group { background: #eee; }
${widths.map((w) => `col.${widthClass(w)} { width: ${n(w)}%; }\n`).join('')}`
      : '')
  );
}

/**
 * The rules for the content: they follow the document's format template (typography, numbering,
 * signature geometry) and a few facts of its shape (numbered paragraphs, longer signature blocks),
 * never its words, so the live preview keeps its stylesheet from one keystroke to the next.
 */
export function layoutContentCss(doc: LayoutDocument): string {
  const { typography: ty, signatures: sig, routing } = doc.style;
  const sans = FAMILY_STACK('latin');
  const titleSizes = TITLE_LINES
    .filter((r) => ty.titleSizesPt[r] !== undefined)
    .map((r) => `.t-${r} { font-size: ${n(ty.titleSizesPt[r]!)}pt; }`)
    .join('\n');
  const [h1, h2, h3] = ty.headingSizesPt;
  const perRow = sig.perRow;
  // Grids whose blocks have a party line or a place-and-date line have five or six lines a block.
  const longer = [...new Set(doc.blocks.flatMap((b) => (b.kind === 'signatures' ? [signatureLines(b).lines] : [])))].filter((l) => l > 4);
  return `html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${sans}; font-size: ${n(ty.baseSizePt)}pt; line-height: ${n(ty.lineHeight)}; color: #000; overflow-wrap: anywhere; }
${scriptRulesCss(ty)}
p { margin: 0 0 6pt; orphans: 2; widows: 2; }
.p-body { text-align: justify; }
.p-label { margin: 6pt 0 3pt; }
.p-note { margin-top: 12pt; }
.p-quote { margin: 0 10mm 6pt; text-align: justify; }
${shapeRules(doc)}${doc.blocks.some((b) => b.kind === 'paragraph' && b.number !== undefined) ? `.p-numbered { padding-left: ${n(doc.style.paragraphIndentMm)}mm; text-indent: -${n(doc.style.paragraphIndentMm)}mm; }\n.p-num { display: inline-block; box-sizing: border-box; min-width: ${n(doc.style.paragraphIndentMm)}mm; padding-right: 1.5mm; text-indent: 0; }\n` : ''}.keep { break-after: avoid; }
header.title { text-align: center; margin: 0 0 14pt; }
header.title p { margin: 0 0 5pt; }
${titleSizes}
.t-date { margin-top: 8pt !important; }
${doc.blocks.some((b) => b.kind === 'title' && b.lines.some((l) => l.align)) ? '.t-left { text-align: left; }\n.t-right { text-align: right; }\n' : ''}h2, h3, h4 { break-after: avoid; break-inside: avoid; margin: 0; font-weight: bold; }
h2 { font-size: ${n(h1)}pt; margin: 14pt 0 6pt; }
h3 { font-size: ${n(h2)}pt; margin: 10pt 0 5pt; }
h4 { font-size: ${n(h3)}pt; margin: 8pt 0 4pt; }
ul, ol { margin: 0 0 6pt; padding-left: ${n(doc.style.listIndentMm)}mm; }
li > p { margin: 0 0 3pt; text-align: justify; }
li > ul, li > ol { margin-top: 2pt; }
ul.l-bullet { list-style-type: disc; }
ul.l-bullet.lv1, ul.l-bullet.lv3 { list-style-type: '\\2013\\a0\\a0'; }
ul.l-none { list-style-type: none; }
ol.l-decimal { list-style-type: decimal; }
ol.l-decimal-paren > li::marker { content: counter(list-item) ")\\a0\\a0"; }
${labelRules(doc)}.signatures { margin-top: 12pt; }
/* One grid row per line of blocks; each block spans four subgrid rows (role, box, name, titles), so the
   boxes of a row line up even when one role label wraps onto two lines. */
.sig-row { display: grid; grid-template-columns: repeat(${perRow}, minmax(0, 1fr)); grid-template-rows: auto auto auto auto; column-gap: ${n(sig.columnGapMm)}mm;
  break-inside: avoid; page-break-inside: avoid; margin-bottom: ${n(sig.rowGapMm)}mm; }
.sig-cell { display: grid; grid-row: span 4; grid-template-rows: subgrid; min-width: 0; }
${longer.map((l) => `.sig-row.r${l} { grid-template-rows:${' auto'.repeat(l)}; }\n.sig-row.r${l} > .sig-cell { grid-row: span ${l}; }\n`).join('')}.sig-role { text-align: center; margin: 0 0 2mm; align-self: end; }
.sig-box { display: block; height: ${n(sig.boxHeightMm)}mm; border: 0.5pt solid #777; margin: 0 0 2mm; text-decoration: none; }
.sig-name { text-align: center; margin: 0 0 1mm; }
${longer.length > 0 ? '.sig-party, .sig-place { text-align: center; margin: 0 0 2mm; }\n.sig-place { margin-top: 1mm; }\n' : ''}.sig-titles { text-align: center; font-size: ${n(ty.signatureTitleSizePt)}pt; line-height: 1.3; }
.sig-titles p { margin: 0 0 1mm; }
.routing { margin-top: 14pt; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: ${n(routing.columnGapMm)}mm; row-gap: 8mm; }
.route { break-inside: avoid; page-break-inside: avoid; }
.route p { margin: 0 0 3pt; }
.route-space { height: ${n(routing.spaceMm)}mm; border-bottom: 0.5pt dotted #777; }
.route-box { height: ${n(routing.spaceMm)}mm; }
/* A comparison's redline: colours that survive printing in grey as underline, strike and dots. */
ins, del { text-decoration-thickness: 1pt; text-decoration-skip-ink: none; }
.c-ins { color: ${CHANGE_COLOURS.inserted}; text-decoration: underline ${CHANGE_COLOURS.inserted}; }
.c-del { color: ${CHANGE_COLOURS.deleted}; text-decoration: line-through ${CHANGE_COLOURS.deleted}; }
.c-mvto { color: ${CHANGE_COLOURS.movedTo}; text-decoration: underline double ${CHANGE_COLOURS.movedTo}; }
.c-mvfrom { color: ${CHANGE_COLOURS.movedFrom}; text-decoration: line-through double ${CHANGE_COLOURS.movedFrom}; }
.c-fmt { color: ${CHANGE_COLOURS.formatChanged}; text-decoration: underline dotted ${CHANGE_COLOURS.formatChanged}; }
/* The change bar: in a gutter left of the text, beside every changed line (lists are indented 7 mm a level). */
.redline { padding-left: 7mm; }
.c-bar { position: relative; }
.c-bar::before { content: ''; position: absolute; left: -6mm; top: 0; bottom: 0; border-left: 1.5pt solid #555; }
.lv0 > li.c-bar::before { left: -13mm; }
.lv1 > li.c-bar::before { left: -20mm; }
.lv2 > li.c-bar::before { left: -27mm; }
.lv3 > li.c-bar::before { left: -34mm; }
/* Footnotes: the mark after the text it hangs on, the notes under their block. */
.fn-ref { font-size: 0.7em; vertical-align: super; line-height: 0; font-weight: normal; font-style: normal; }
.fn-notes { display: block; margin: 2pt 0 0 0; padding-top: 2pt; border-top: 0.5pt solid #999; font-size: ${n(ty.footnoteSizePt)}pt; line-height: 1.3;
  font-weight: normal; font-style: normal; text-align: left; text-indent: 0; break-inside: avoid; }
.fn { display: block; }
.fn-num { display: inline-block; min-width: 5mm; vertical-align: super; font-size: 0.75em; line-height: 0; }
.comparison { border: 0.5pt solid #999; padding: 3mm 4mm; margin: 0 0 8mm; font-size: 9.5pt; }
.cmp-head { font-weight: bold; font-size: 11pt; }
.cmp-notes { margin: 2mm 0 0; }
`;
}

/** The whole printable document. */
export function layoutToHtml(doc: LayoutDocument, opts: HtmlOptions): string {
  return `<!doctype html>
<html lang="${escapeHtml(doc.meta.language)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(doc.meta.title)}</title>
<style>
${layoutCss(doc, opts)}
</style>
</head>
<body>
${layoutBodyHtml(doc)}
</body>
</html>
`;
}
