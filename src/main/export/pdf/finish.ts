import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString, PDFHexString, ParseSpeeds } from 'pdf-lib';
import { finishIncrementally } from './incremental';
import type { LayoutDocument } from '../../../shared/format';

/**
 * Finishing a Chromium-printed PDF with pdf-lib: document properties and the
 * empty signature fields. Never draws text (pdf-lib cannot shape Khmer, Lao
 * or Burmese): everything visible was printed by Chromium.
 *
 * Each signature box of the HTML is `<a href="sig:N">`, which Chromium prints
 * as a /Link annotation whose /Rect is exactly the box. That annotation is
 * turned in place into a signature widget (/FT /Sig), named for signatory N,
 * so the field sits where the box is printed, on the page it is printed on.
 */

export interface FinishOptions {
  /** The export time (the PDF creation date). */
  now?: Date;
  producer?: string;
  /**
   * `incremental` (default): append the changes to Chromium's bytes (fast; see incremental.ts), falling
   * back to pdf-lib when the printed file is not laid out as Skia writes it. `rewrite`: always pdf-lib.
   */
  method?: 'incremental' | 'rewrite';
}

export interface FinishedPdf {
  bytes: Uint8Array;
  /** Signature fields created, in signatory order: name and 0-based page index. */
  fields: { name: string; page: number }[];
}

function uriOf(annot: PDFDict): string | undefined {
  const action = annot.lookup(PDFName.of('A'));
  if (!(action instanceof PDFDict)) return undefined;
  const uri = action.lookup(PDFName.of('URI'));
  if (uri instanceof PDFString || uri instanceof PDFHexString) return uri.decodeText();
  return undefined;
}

/** Every printed signature box (`sig:N`) and its field name: the signatories', then (on signature copies) the routing signers'. */
export function signatureBoxes(layout: LayoutDocument): { index: number; name: string }[] {
  return layout.blocks
    .flatMap((b) =>
      b.kind === 'signatures'
        ? b.cells.map((c) => ({ index: c.index, name: c.field }))
        : b.kind === 'routing'
          ? b.steps.flatMap((s) => (s.field ? [s.field] : []))
          : [],
    )
    .sort((a, b) => a.index - b.index);
}

export async function finishPdf(printed: Uint8Array, layout: LayoutDocument, options: FinishOptions = {}): Promise<FinishedPdf> {
  const { meta } = layout;
  const now = options.now ?? new Date();
  if ((options.method ?? 'incremental') === 'incremental') {
    const fields = signatureBoxes(layout);
    const done = finishIncrementally(printed, {
      fields,
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Author: meta.author,
        Keywords: meta.keywords.join('; '),
        Creator: 'Minuta',
        Producer: options.producer ?? 'Minuta (Chromium, incremental update)',
        CreationDate: now,
        ModDate: now,
        MinutaFingerprint: meta.fingerprint,
      },
    });
    if (done) return done;
  }
  const pdf = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setSubject(meta.subject);
  pdf.setAuthor(meta.author);
  // pdf-lib joins keywords with spaces, which makes multi-word keywords ambiguous: join them ourselves.
  pdf.setKeywords([meta.keywords.join('; ')]);
  pdf.setLanguage(meta.language);
  pdf.setCreator('Minuta');
  pdf.setProducer(options.producer ?? 'Minuta (Chromium, pdf-lib)');
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);
  // The fingerprint as its own Info entry, for tools that check a copy against the register.
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('MinutaFingerprint'), PDFString.of(meta.fingerprint));

  const cells = new Map<number, string>(signatureBoxes(layout).map((f) => [f.index, f.name]));

  const fieldRefs: { index: number; ref: PDFRef; name: string; page: number }[] = [];
  const seen = new Set<number>();
  pdf.getPages().forEach((page, pageIndex) => {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) return;
    for (let i = 0; i < annots.size(); i++) {
      const ref = annots.get(i);
      const annot = annots.lookup(i);
      if (!(ref instanceof PDFRef) || !(annot instanceof PDFDict)) continue;
      if (annot.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const m = /^sig:(\d+)$/.exec(uriOf(annot) ?? '');
      if (!m) continue;
      const index = Number(m[1]);
      const name = cells.get(index);
      if (name === undefined) throw new Error(`The printed PDF links to sig:${index}, which is no signatory of this document`);
      // A box split by a page break would print twice; the grid forbids it, so a second link is a bug.
      if (seen.has(index)) throw new Error(`Signature box ${index} was printed more than once`);
      seen.add(index);
      annot.set(PDFName.of('Subtype'), PDFName.of('Widget'));
      annot.set(PDFName.of('FT'), PDFName.of('Sig'));
      annot.set(PDFName.of('T'), PDFHexString.fromText(name));
      annot.set(PDFName.of('TU'), PDFHexString.fromText(`Signature: ${name}`));
      annot.set(PDFName.of('F'), PDFNumber.of(4)); // Print
      annot.set(PDFName.of('P'), page.ref);
      annot.delete(PDFName.of('A'));
      annot.delete(PDFName.of('Border'));
      annot.delete(PDFName.of('H'));
      fieldRefs.push({ index, ref, name, page: pageIndex });
    }
  });
  const missing = [...cells.keys()].filter((i) => !seen.has(i));
  if (missing.length) throw new Error(`Signature boxes ${missing.join(', ')} were not found in the printed PDF`);

  if (fieldRefs.length > 0) {
    fieldRefs.sort((a, b) => a.index - b.index);
    const acroForm = pdf.context.obj({
      Fields: fieldRefs.map((f) => f.ref),
      // SignaturesExist: the document holds signature fields (ISO 32000-1, 12.7.2).
      SigFlags: 1,
    });
    pdf.catalog.set(PDFName.of('AcroForm'), pdf.context.register(acroForm));
  }
  const bytes = await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return { bytes, fields: fieldRefs.map((f) => ({ name: f.name, page: f.page })) };
}
