import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { ALL_SCRIPTS, SCRIPTS, escapeHtml, fontFaceCss, splitByScript, writeDate } from '../../shared/format';
import { TRACKER_COLUMNS, trackerCsv, type TrackerRow } from '../../shared/decisions/tracker';
import { fontDataUrl } from './fonts';
import type { Printer } from './pdf/printer';

/**
 * The decisions tracker as a table: CSV (shared/decisions/tracker.ts), PDF (this HTML printed by the
 * same Chromium printer as the minutes, fonts embedded, so Khmer, Lao and Burmese shape and extract)
 * and DOCX (a Word table through docx, complex-script fonts named per run). The columns are the one
 * list TRACKER_COLUMNS; nothing here decides what a row says.
 */

export type TrackerFormat = 'pdf' | 'docx' | 'csv';

export interface TrackerTable {
  rows: readonly TrackerRow[];
  /** What the filter kept, in words ("Status: open; Series: …"), printed under the title. */
  subtitle: string;
  /** The day of the export, YYYY-MM-DD. */
  today: string;
}

const TITLE = 'Decisions and recommendations: follow-up';
/** Column widths in per cent of the table (PDF and DOCX); the rest share what is left. */
const WIDTHS: Record<string, number> = { meeting: 17, date: 8, label: 10, text: 33, body: 7, delegations: 9, status: 7, note: 9 };


export function trackerHtml(table: TrackerTable): string {
  const family = ALL_SCRIPTS.map((s) => `'${SCRIPTS[s].family}'`).join(', ');
  // A fixed layout takes its widths from the columns: the decision's text gets the room.
  const colgroup = `<colgroup>${TRACKER_COLUMNS.map((c) => `<col style="width:${WIDTHS[c.key] ?? 8}%">`).join('')}</colgroup>`;
  const head = TRACKER_COLUMNS.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
  const body = table.rows
    .map((r) => `<tr>${TRACKER_COLUMNS.map((c) => `<td class="${c.key}">${escapeHtml(c.cell(r)).replaceAll('\n', '<br>')}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(TITLE)}</title><style>
${fontFaceCss(ALL_SCRIPTS, { fontUrl: fontDataUrl })}
@page { size: A4 landscape; margin: 15mm 12mm 15mm 12mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt ${family}; } }
body { font: 9pt/1.35 ${family}; margin: 0; }
h1 { font-size: 13pt; margin: 0 0 2mm; }
p.sub { margin: 0 0 4mm; color: #333; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.5pt solid #777; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
</style></head><body>
<h1>${escapeHtml(TITLE)}</h1>
<p class="sub">${escapeHtml(`${table.subtitle} — ${table.rows.length} ${table.rows.length === 1 ? 'entry' : 'entries'}, ${writeDate(table.today)}`)}</p>
<table>${colgroup}<thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></body></html>`;
}

export async function trackerPdf(table: TrackerTable, printer: Printer): Promise<Uint8Array> {
  return printer.print(trackerHtml(table));
}

/** Runs of one script each, the script's font in every slot (as the minutes' DOCX does); a line break before each later line. */
function runs(text: string, bold = false): TextRun[] {
  const out: TextRun[] = [];
  text.split('\n').forEach((line, i) => {
    splitByScript(line).forEach((span, j) => {
      const family = SCRIPTS[span.script].family;
      out.push(
        new TextRun({
          text: span.text,
          bold,
          ...(i > 0 && j === 0 ? { break: 1 } : {}),
          font: { ascii: family, hAnsi: family, cs: family, eastAsia: family },
          size: 18,
          sizeComplexScript: 18,
        }),
      );
    });
  });
  return out;
}

export async function trackerDocx(table: TrackerTable): Promise<Uint8Array> {
  const cell = (key: string, text: string, header = false) =>
    new TableCell({ width: { size: WIDTHS[key] ?? 8, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: runs(text, header) })] });
  const rows = [
    new TableRow({ tableHeader: true, children: TRACKER_COLUMNS.map((c) => cell(c.key, c.header, true)) }),
    ...table.rows.map((r) => new TableRow({ cantSplit: true, children: TRACKER_COLUMNS.map((c) => cell(c.key, c.cell(r))) })),
  ];
  const doc = new Document({
    creator: 'Minuta',
    title: TITLE,
    styles: { default: { document: { run: { font: SCRIPTS.latin.family, size: 18 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 850, bottom: 850, left: 680, right: 680 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: TITLE, bold: true, size: 26 })] }),
          new Paragraph({ children: runs(`${table.subtitle} — ${table.rows.length} ${table.rows.length === 1 ? 'entry' : 'entries'}, ${writeDate(table.today)}`) }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function renderTracker(table: TrackerTable, format: TrackerFormat, printer?: Printer): Promise<Uint8Array> {
  if (format === 'csv') return new TextEncoder().encode(trackerCsv(table.rows));
  if (format === 'docx') return trackerDocx(table);
  if (!printer) throw new Error('PDF export needs a printer');
  return trackerPdf(table, printer);
}
