/**
 * The agreed format: minutes model → layout tree (agreed.ts) → HTML (html.ts)
 * or DOCX (src/main/export/docx). Environment-neutral.
 */
export type {
  ChangeKind,
  ChangeMark,
  ComparisonNote,
  Run,
  RunSource,
  Footnote,
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
  LayoutTable,
  TableRowLayout,
  LayoutBlock,
  DocumentMeta,
  PageFurniture,
  LayoutStyle,
  LayoutDocument,
} from './layout';
export { blockLines, signatureRuns, tableRuns, withNotes } from './layout';
export { AGREED_FORMAT, layoutContent, layoutMeeting, presentationHeading, resolveTemplate, writeDate, writeDateRange } from './agreed';
export {
  BILATERAL_FORMAT,
  FORMAT_TEMPLATES,
  FORMAT_TEMPLATE_NAMES,
  FormatOverridesSchema,
  FormatTemplateSchema,
  LABEL_STYLES,
  MeetingFormatSchema,
  PAGE_SIZES,
  REPORT_FORMAT,
  SUMMARY_RECORD_FORMAT,
  TITLE_LINES,
  applyOverrides,
  counterText,
  formatLabel,
  labelParts,
  templateFor,
  templateProblems,
} from './template';
export type { FormatOverrides, FormatTemplateName, LabelStyle, MeetingFormat, TemplateProblem, TitleLineRole } from './template';
export { fill, fillRuns, hasText, isBlank, joinParts, joinRuns } from './compose';
export type { FormatTemplate, FormatOptions, SignatureCopyInfo, DecisionWords } from './agreed';
export { decisionBody, decisionHeading, joinNames, outcomeSentence, voteLines } from './decision';
export { SCRIPTS, ALL_SCRIPTS, scriptOf, splitByScript, scriptsUsed } from './scripts';
export type { Script, ScriptInfo, FontFile, ScriptSpan } from './scripts';
export { fingerprint, recordJson, sha256Hex, shortFingerprint } from './fingerprint';
export { layoutToHtml, layoutCss, layoutRulesCss, layoutPageCss, layoutContentCss, fontFaceCss, layoutBodyHtml, layoutBodyChunks, escapeHtml, CHANGE_COLOURS } from './html';
export type { HtmlOptions } from './html';
export { previewContent } from './preview';
export { assertPrintable, describeUncovered, isCovered, parseUnicodeRange, uncoveredCharacters, SHIPPED_COVERAGE } from './coverage';
export type { GlyphPlace, UncoveredCharacter } from './coverage';
