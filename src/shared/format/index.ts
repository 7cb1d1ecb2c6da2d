/**
 * The agreed format: minutes model → layout tree (agreed.ts) → HTML (html.ts)
 * or DOCX (src/main/export/docx). Environment-neutral.
 */
export type {
  ChangeKind,
  ChangeMark,
  ComparisonNote,
  Run,
  Numbering,
  ListItem,
  LayoutList,
  ParagraphStyle,
  LayoutParagraph,
  LayoutHeading,
  TitleLine,
  LayoutTitle,
  SignatureCell,
  LayoutSignatures,
  RoutingStepLayout,
  LayoutRouting,
  LayoutBlock,
  DocumentMeta,
  PageFurniture,
  LayoutDocument,
} from './layout';
export { AGREED_FORMAT, layoutMeeting, presentationHeading, writeDate, writeDateRange } from './agreed';
export { fill, fillRuns, hasText, isBlank, joinParts, joinRuns } from './compose';
export type { FormatTemplate, FormatOptions, SignatureCopyInfo } from './agreed';
export { SCRIPTS, ALL_SCRIPTS, scriptOf, splitByScript, scriptsUsed } from './scripts';
export type { Script, ScriptInfo, FontFile, ScriptSpan } from './scripts';
export { fingerprint, recordJson, sha256Hex, shortFingerprint } from './fingerprint';
export { layoutToHtml, layoutCss, layoutRulesCss, layoutPageCss, layoutContentCss, fontFaceCss, layoutBodyHtml, layoutBodyChunks, escapeHtml, CHANGE_COLOURS } from './html';
export type { HtmlOptions } from './html';
export { previewContent } from './preview';
export { assertPrintable, describeUncovered, isCovered, parseUnicodeRange, uncoveredCharacters, SHIPPED_COVERAGE } from './coverage';
export type { GlyphPlace, UncoveredCharacter } from './coverage';
