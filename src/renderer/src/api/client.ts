import type { Method, Request, Response } from '../../../shared/ipc/contract';
import type { ApiError, Result } from '../../../shared/ipc/result';

/** A failed call, keeping the main process's error code and field so the UI can say what is wrong. */
export class CallError extends Error {
  readonly code: ApiError['code'];
  readonly path: string | undefined;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'CallError';
    this.code = error.code;
    this.path = error.path;
  }
}

/** Calls one method of the typed API and unwraps its result envelope. */
export async function call<M extends Method>(method: M, request: Request<M>): Promise<Response<M>> {
  // TypeScript cannot narrow a mapped function type by a generic key; the contract guarantees the pair.
  const fn = window.minuta[method] as unknown as (r: Request<M>) => Promise<Result<Response<M>>>;
  const result = await fn(request);
  if (!result.ok) throw new CallError(result.error);
  return result.value as Response<M>;
}
