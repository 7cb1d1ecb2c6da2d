/**
 * The sign-off workflow of a meeting: Draft → In review → Approved → Sealed. One source of truth for
 * which transitions exist and what each needs; the store enforces them inside its write transaction,
 * the CLI and the editor's workflow bar list them from here.
 *
 * Edits: a Draft or In-review meeting takes saves (review is where corrections are made); an Approved
 * meeting refuses every save until it is reopened (to Draft or In review, with a reason), so what was
 * approved is what is sealed; a Sealed meeting refuses every save for good, in the service and in
 * SQLite's triggers. Changes after sealing go into a corrigendum (a new meeting linked to it).
 */
export const WORKFLOW_STATES = ['draft', 'in-review', 'approved', 'sealed'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const STATE_LABELS: Record<WorkflowState, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  sealed: 'Sealed',
};

export const TRANSITIONS = ['submit', 'approve', 'reopen-draft', 'reopen-review', 'seal'] as const;
export type Transition = (typeof TRANSITIONS)[number];

export interface TransitionRule {
  from: readonly WorkflowState[];
  to: WorkflowState;
  /** What the button and the CLI call it. */
  label: string;
  /** Reopening an approved meeting must say why (it is in the audit log for good). */
  needsReason: boolean;
}

export const TRANSITION_RULES: Record<Transition, TransitionRule> = {
  submit: { from: ['draft'], to: 'in-review', label: 'Submit for review', needsReason: false },
  approve: { from: ['in-review'], to: 'approved', label: 'Approve', needsReason: false },
  'reopen-draft': { from: ['approved', 'in-review'], to: 'draft', label: 'Return to draft', needsReason: true },
  'reopen-review': { from: ['approved'], to: 'in-review', label: 'Return to review', needsReason: true },
  seal: { from: ['approved'], to: 'sealed', label: 'Seal', needsReason: false },
};

/** The transitions open from `state`, in the order the workflow bar shows them. */
export function allowedTransitions(state: WorkflowState): Transition[] {
  return TRANSITIONS.filter((t) => TRANSITION_RULES[t].from.includes(state));
}

/** Whether a save may change the meeting in this state. */
export const acceptsEdits = (state: WorkflowState): boolean => state === 'draft' || state === 'in-review';

/** Notes and reasons are short free text, bounded like every other field. */
export const MAX_NOTE = 2000;

/** The audit log's kinds of entry. */
export const AUDIT_ACTIONS = [
  'transition',
  'named-version',
  'routing-step',
  'attachment',
  'signature',
  'signature-copy',
  'corrigendum',
  /** A reviewed copy brought back (its file's SHA-256, reviewer, base revision, how many suggestions). */
  'review-import',
  /** Suggestions accepted by the actor into a revision attributed to their reviewers. */
  'suggestions-accepted',
  'suggestions-rejected',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A scanned wet-ink copy: the types accepted (sniffed from content) and the bound. */
export const SCAN_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type ScanType = (typeof SCAN_TYPES)[number];
export const MAX_SCAN_BYTES = 50 * 1024 * 1024;

/** The type of a file from its first bytes (never its name); undefined when it is none of SCAN_TYPES. */
export function sniffScanType(bytes: Uint8Array): ScanType | undefined {
  const starts = (sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return undefined;
}
