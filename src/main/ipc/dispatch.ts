import type { z } from 'zod';
import { contract, type Handlers, type Method } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { excerpt } from '../../shared/errors';
import { issueMessage } from '../../shared/minutes';
import { storageError } from '../store/storageErrors';

export type Dispatch = (method: string, payload: unknown) => Promise<Result<unknown>>;

/**
 * `title` or `items.2.text`: the path of the first bad field, as a person would name it. Keys come
 * from the caller, so each is cut to an excerpt and a deep path to its first segments.
 */
function issuePath(issue: z.core.$ZodIssue): string {
  const segments = issue.path.map((s) => excerpt(String(s), 40));
  return segments.length > 12 ? `${segments.slice(0, 12).join('.')}…` : segments.join('.');
}

/**
 * The transport-neutral core of the IPC layer: validates the payload against the contract, runs the
 * handler, and always answers with a result envelope. Electron's ipcMain and the end-to-end bridge are
 * both thin adapters over this one function, so the tests exercise exactly what the app runs.
 */
export function createDispatch(handlers: Handlers, log: (e: unknown) => void = console.error): Dispatch {
  return async (method, payload) => {
    if (!Object.hasOwn(contract, method)) return fail('invalid', `No such method: ${excerpt(String(method))}`);
    const m = method as Method;
    const parsed = contract[m].request.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue ? issuePath(issue) : '';
      // zod quotes unknown keys in its message: issueMessage keeps each to an excerpt.
      const detail = issue ? issueMessage(issue) : 'invalid';
      return fail(
        'invalid',
        `${m}: ${path ? `field "${path}"` : 'payload'} ${detail}`,
        path || undefined,
      );
    }
    try {
      const handler = handlers[m] as (request: unknown) => unknown;
      const value = await handler(parsed.data);
      return ok(value);
    } catch (error) {
      // The one mapping of a failure to the envelope: MinutaErrors keep their code, storage failures
      // (SQLITE_FULL, EROFS, SQLITE_BUSY, …) get theirs from storageErrors, anything else is a bug.
      const known = storageError(error, m);
      if (known) return fail(known.code, known.message, known.path);
      log(error);
      return fail('internal', `${m} failed: ${excerpt(error instanceof Error ? error.message : String(error), 300)}`);
    }
  };
}
