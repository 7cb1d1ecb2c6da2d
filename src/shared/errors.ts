/**
 * The one error model of Minuta. Every layer throws `MinutaError` with one of these codes; the IPC
 * dispatcher maps it once into a result envelope and the CLI maps it once into an exit code and a line
 * on stderr. Anything else that escapes is `internal`.
 */
export const ERROR_CODES = [
  /** The request, file or argument is malformed or out of bounds; `path` names the field. */
  'invalid',
  'not-found',
  /** The record changed since the caller read it (another window, process or user). */
  'conflict',
  'disk-full',
  /** The database or file can only be read. */
  'read-only',
  /** Stored data failed an integrity check; never served as if it were the minutes. */
  'corrupt',
  /** Another process holds the database longer than the busy timeout. */
  'locked',
  /** The capability is missing in this process (no browser for PDF, no dialog in the CLI). */
  'unavailable',
  /** The caller is not allowed (an untrusted frame). */
  'forbidden',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Error messages never grow past this, whatever they quote: they travel over IPC and to stderr. */
export const MAX_ERROR_MESSAGE = 2048;

/** Cuts a message to MAX_ERROR_MESSAGE characters (on a code point boundary), marking the cut. */
export function boundMessage(message: string, max = MAX_ERROR_MESSAGE): string {
  if (message.length <= max) return message;
  const cut = Array.from(message.slice(0, max - 1));
  cut.pop();
  return `${cut.join('')}…`;
}

/** A short, single-line excerpt of untrusted text for an error message (never the whole input). */
export function excerpt(text: string, max = 40): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not be echoed
  const oneLine = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return oneLine.length <= max ? oneLine : `${Array.from(oneLine).slice(0, max).join('')}…`;
}

/** "first; second; third; and 4 more": the first problems of a list, bounded. */
export function listProblems(problems: readonly string[], shown = 3): string {
  const head = problems.slice(0, shown).join('; ');
  const rest = problems.length - shown;
  return boundMessage(rest > 0 ? `${head}; and ${rest} more` : head);
}

export class MinutaError extends Error {
  readonly code: ErrorCode;
  /** The offending field, e.g. `title` or `items.2.text`, when the error is about one. */
  readonly path: string | undefined;
  constructor(code: ErrorCode, message: string, path?: string) {
    super(boundMessage(message));
    this.name = 'MinutaError';
    this.code = code;
    this.path = path;
  }
}

export const isMinutaError = (e: unknown): e is MinutaError => e instanceof MinutaError;
