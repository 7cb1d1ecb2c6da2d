import type { z } from 'zod';
import { contract, type Handlers, type Method } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { MinutaError } from '../../shared/errors';

export type Dispatch = (method: string, payload: unknown) => Promise<Result<unknown>>;

/** `title` or `items.2.text`: the path of the first bad field, as a person would name it. */
function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.');
}

/**
 * The transport-neutral core of the IPC layer: validates the payload against the contract, runs the
 * handler, and always answers with a result envelope. Electron's ipcMain and the end-to-end bridge are
 * both thin adapters over this one function, so the tests exercise exactly what the app runs.
 */
export function createDispatch(handlers: Handlers, log: (e: unknown) => void = console.error): Dispatch {
  return async (method, payload) => {
    if (!Object.hasOwn(contract, method)) return fail('invalid', `No such method: ${method}`);
    const m = method as Method;
    const parsed = contract[m].request.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue ? issuePath(issue) : '';
      const detail = issue?.message ?? 'invalid';
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
      if (error instanceof MinutaError) return fail(error.code, error.message, error.path);
      log(error);
      return fail('internal', `${m} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
