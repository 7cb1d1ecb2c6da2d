import { boundMessage, type ErrorCode } from '../errors';

export type { ErrorCode } from '../errors';

/**
 * What every IPC call answers. Errors travel as data because an Error thrown across Electron's IPC
 * arrives as a bare message string, losing its code and the field it was about.
 */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The offending field, e.g. `title` or `items.2.text`, when the error is about one. */
  path?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, path?: string): Result<never> => ({
  ok: false,
  error: path === undefined ? { code, message: boundMessage(message) } : { code, message: boundMessage(message), path },
});
