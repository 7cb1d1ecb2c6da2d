import type { ErrorCode } from '../../shared/ipc/result';

/** Thrown by a service to answer a call with a meaningful error code instead of `internal`. */
export class DomainError extends Error {
  constructor(readonly code: Exclude<ErrorCode, 'internal'>, message: string, readonly path?: string) {
    super(message);
    this.name = 'DomainError';
  }
}
