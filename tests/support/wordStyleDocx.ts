import { zipSync } from 'fflate';

/**
 * A reviewed DOCX in Word's own style, written from ECMA-376 Part 1 (WordprocessingML, §17) and
 * [MS-DOCX] (w14/w15), part by part: rsids on every paragraph and run, w14:paraId/w14:textId, a move
 * (w:moveFrom/w:moveTo inside named move ranges), an inserted paragraph mark, a formatting change
 * (w:rPrChange), bold and italic from styles and switched off with w:val="0"/"false", a bookmark over
 * several paragraphs (and Word's hidden _GoBack and _Hlk bookmarks, which name no block), a table, a
 * hyperlink, a content control, a smart tag, a simple field and a complex field (whose instruction
 * text is not text), and comments with a reply and a resolved thread in commentsExtended.xml. `wordStyleParts()` gives the parts, so tests can spoil one.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS = `xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" mc:Ignorable="w14 w15"`;
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const WORD_STYLE = {
  meetingId: 'm_2019vientiane',
  ana: { author: 'Ana Lopes', date: '2026-07-03T09:15:00Z' },
  sokha: { author: 'Sokha Chan', date: '2026-07-03T10:02:00Z' },
  vilay: { author: 'Vilay Phommasane', date: '2026-07-04T08:30:00Z' },
} as const;

const { ana, sokha, vilay } = WORD_STYLE;
const rev = (id: number, who: { author: string; date: string }) => `w:id="${id}" w:author="${who.author}" w:date="${who.date}"`;
const run = (text: string, rPr = '', rsid = '00A1B2C3') => `<w:r w:rsidR="${rsid}">${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (id: string, body: string, pPr = '') => `<w:p w14:paraId="${id}" w14:textId="77777777" w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3" w:rsidP="00D4E5F6">${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${body}</w:p>`;

const document = `${DECL}<w:document ${NS}><w:body>
${para(
  '10000001',
  `<w:bookmarkStart w:id="0" w:name="b_19001"/>${run('The meeting was held in ')}<w:del ${rev(1, ana)}><w:r w:rsidDel="00B2C3D4"><w:delText>Vientiane</w:delText></w:r></w:del>` +
    `<w:commentRangeStart w:id="0"/><w:ins ${rev(2, ana)}>${run('Luang Prabang', '', '00B2C3D4')}</w:ins><w:commentRangeEnd w:id="0"/>` +
    `<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="1"/></w:r>` +
    `${run('.')}<w:bookmarkEnd w:id="0"/>`,
  '<w:pStyle w:val="MinutaBody"/>',
)}
${para('10000002', `<w:bookmarkStart w:id="3" w:name="b_19002"/><w:bookmarkStart w:id="4" w:name="_GoBack"/><w:bookmarkEnd w:id="4"/>${run('Opening')}${run(' remarks', '<w:b w:val="0"/><w:i w:val="false"/>')}`, '<w:pStyle w:val="Heading1"/>')}
${para(
  '10000003',
  `<w:moveFromRangeStart ${rev(5, sokha)} w:name="move1"/><w:moveFrom ${rev(6, sokha)}>${run('Thanks were given to the hosts.')}</w:moveFrom><w:moveFromRangeEnd w:id="5"/>` +
    `${run(' Then ')}<w:bookmarkStart w:id="17" w:name="_Hlk203518822"/>${run('work', '<w:rStyle w:val="Strong"/>')}<w:bookmarkEnd w:id="17"/>${run(' began', '<w:i/>')}<w:r><w:tab/><w:t>after</w:t><w:br/><w:t>lunch</w:t></w:r><w:bookmarkEnd w:id="3"/>`,
)}
${para('10000004', `<w:ins ${rev(7, sokha)}>${run('A new paragraph by Sokha.')}</w:ins>`, `<w:rPr><w:ins ${rev(8, sokha)}/></w:rPr>`)}
${para(
  '10000005',
  `<w:bookmarkStart w:id="9" w:name="b_19003"/><w:moveToRangeStart ${rev(10, sokha)} w:name="move1"/><w:moveTo ${rev(11, sokha)}>${run('Thanks were given to the hosts.')}</w:moveTo><w:moveToRangeEnd w:id="10"/>` +
    `<w:r><w:rPr><w:b/><w:rPrChange ${rev(12, vilay)}><w:rPr/></w:rPrChange></w:rPr><w:t xml:space="preserve"> Agreed</w:t></w:r>` +
    `<w:r><w:rPr><w:rPrChange ${rev(13, vilay)}><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t xml:space="preserve"> in full</w:t></w:r><w:bookmarkEnd w:id="9"/>`,
  `<w:pPrChange ${rev(14, vilay)}><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange>`,
)}
<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid><w:tr w:rsidR="00A1B2C3"><w:trPr><w:ins ${rev(15, ana)}/></w:trPr>
<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>${para('10000006', `<w:bookmarkStart w:id="16" w:name="b_19004"/><w:commentRangeStart w:id="2"/>${run('For Cambodia')}`)}</w:tc>
<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>${para('10000007', `${run('For Lao PDR')}<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r><w:bookmarkEnd w:id="16"/>`)}</w:tc></w:tr></w:tbl>
${para(
  '10000008',
  `<w:hyperlink r:id="rId9" w:history="1">${run('the report')}</w:hyperlink>${run(', ')}<w:sdt><w:sdtPr><w:alias w:val="Place"/><w:rPr><w:b/></w:rPr></w:sdtPr><w:sdtContent>${run('Vientiane')}</w:sdtContent></w:sdt>` +
    `${run(' (កិច្ចប្រជុំ, ກອງປະຊຸມ, အစည်းအဝေး)')}${run(' on ')}<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date">${run('5 July')}</w:smartTag>${run(', page ')}` +
    `<w:fldSimple w:instr=" PAGE ">${run('3')}</w:fldSimple><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(' of 9')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
)}
<w:sectPr w:rsidR="00A1B2C3"><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>
</w:body></w:document>`;

const styles = `${DECL}<w:styles ${NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="MinutaBody"><w:name w:val="Minuta Body"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="HeadingBase"><w:name w:val="Heading Base"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="HeadingBase"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>
</w:styles>`;

const comment = (id: number, who: { author: string; date: string }, initials: string, paras: [string, string][]) =>
  `<w:comment w:id="${id}" w:author="${who.author}" w:date="${who.date}" w:initials="${initials}">` +
  paras
    .map(([paraId, text], i) => `<w:p w14:paraId="${paraId}" w14:textId="77777777">${i === 0 ? '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' : ''}${run(text)}</w:p>`)
    .join('') +
  '</w:comment>';

const comments = `${DECL}<w:comments ${NS}>
${comment(0, ana, 'AL', [['2A000001', 'Is it Luang Prabang?']])}
${comment(1, sokha, 'SC', [['2A000002', 'Yes, the venue moved.']])}
${comment(2, vilay, 'VP', [
  ['2A000003', 'Signatures checked.'],
  ['2A000004', 'Both heads signed.'],
])}
</w:comments>`;

const commentsExtended = `${DECL}<w15:commentsEx ${NS}>
<w15:commentEx w15:paraId="2A000001" w15:done="0"/>
<w15:commentEx w15:paraId="2A000002" w15:paraIdParent="2A000001" w15:done="0"/>
<w15:commentEx w15:paraId="2A000004" w15:done="1"/>
</w15:commentsEx>`;

const settings = `${DECL}<w:settings ${NS}><w:zoom w:percent="100"/><w:trackRevisions/><w:defaultTabStop w:val="720"/><w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00A1B2C3"/><w:rsid w:val="00B2C3D4"/></w:rsids></w:settings>`;

const core = `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Minutes</dc:title><dc:creator>Minuta</dc:creator><cp:lastModifiedBy>Vilay Phommasane</cp:lastModifiedBy><cp:revision>4</cp:revision>
<dcterms:created xsi:type="dcterms:W3CDTF">2026-07-01T08:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-07-04T08:31:00Z</dcterms:modified></cp:coreProperties>`;

const customProperty = (pid: number, name: string, value: string) =>
  `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid}" name="${name}"><vt:lpwstr>${value}</vt:lpwstr></property>`;
const custom = `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${customProperty(2, 'MinutaMeetingId', WORD_STYLE.meetingId)}${customProperty(3, 'MinutaBaseRevision', '3')}${customProperty(4, 'MinutaRevision', '5')}${customProperty(5, 'MinutaFingerprint', 'ab'.repeat(32))}</Properties>`;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const contentTypes = `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`;
const rootRels = `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`;
const documentRels = `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/><Relationship Id="rId3" Type="${REL}/comments" Target="comments.xml"/><Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/><Relationship Id="rId9" Type="${REL}/hyperlink" Target="https://example.org/report" TargetMode="External"/></Relationships>`;

export function wordStyleParts(): Record<string, string> {
  return {
    '[Content_Types].xml': contentTypes,
    '_rels/.rels': rootRels,
    'word/_rels/document.xml.rels': documentRels,
    'word/document.xml': document,
    'word/styles.xml': styles,
    'word/settings.xml': settings,
    'word/comments.xml': comments,
    'word/commentsExtended.xml': commentsExtended,
    'docProps/core.xml': core,
    'docProps/custom.xml': custom,
  };
}

/** Zips parts as Word does (deflated, unless level 0; an entry's bytes given as-is when not a string). */
export function zipParts(parts: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const enc = new TextEncoder();
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, body]) => [name, typeof body === 'string' ? enc.encode(body) : body])), { level });
}

export function wordStyleDocx(): Uint8Array {
  return zipParts(wordStyleParts());
}
