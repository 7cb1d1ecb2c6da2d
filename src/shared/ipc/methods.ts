/**
 * The names of the contract's methods and their Electron channels, and nothing else: the preload needs
 * only these to build `window.minuta`, and importing the contract itself would bundle zod and the whole
 * minutes model into it. `contract.ts` is checked against this list (at compile time by `satisfies`,
 * and by tests/unit/ipc-methods.test.ts), so the two cannot drift apart.
 */
export const METHOD_NAMES = [
  'appInfo',
  'listMeetings',
  'searchMeetings',
  'getMeeting',
  'createMeeting',
  'duplicateMeeting',
  'saveMeeting',
  'recoverMeeting',
  'listRevisions',
  'nameVersion',
  'revisionHistory',
  'getRevision',
  'restoreRevision',
  'compareVersions',
  'exportComparison',
  'exportMeeting',
  'importMeeting',
  'previewMeeting',
  'previewFonts',
  'startupState',
  'signatureCopyStatus',
  'exportSignatureCopy',
  'verifyCopy',
  'chooseSigningCopy',
  'chooseSigningKey',
  'signCopy',
  'getWorkflow',
  'transitionMeeting',
  'recordRoutingStep',
  'listAudit',
  'attachScan',
  'createCorrigendum',
  'trashMeeting',
  'restoreMeeting',
  'archiveMeeting',
  'emptyTrash',
  'getSettings',
  'saveSettings',
  'listComments',
  'addComment',
  'replyComment',
  'resolveComment',
  'exportReviewCopy',
  'listDecisions',
  'recordFollowUp',
  'exportDecisions',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/** The Electron channel that carries a method; one prefix so that nothing else is ever answered. */
export const channelOf = (method: MethodName): string => `minuta:${method}`;
