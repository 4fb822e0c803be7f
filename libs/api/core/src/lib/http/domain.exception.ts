import { ERRORS, type ErrorCode, type FieldError, type NotFoundSubject } from '@alliances/shared/contracts';

/**
 * An error a domain raises on purpose, with a stable code (`charter.hash_mismatch`) declared in the
 * error catalogue of the contracts (`ERRORS`), which gives its HTTP status. The global filter turns it
 * into the contract's error shape.
 */
export class DomainException extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: FieldError[];

  constructor(code: ErrorCode, message?: string, details?: FieldError[]) {
    super(message ?? code);
    this.status = ERRORS[code].status;
    this.code = code;
    this.details = details;
  }
}

/** 404 for what does not exist *or* is not visible to the caller: never reveal another tenant's ids. */
export class NotFoundDomainException extends DomainException {
  constructor(what: NotFoundSubject = 'resource') {
    super(`${what}.not_found`, `${what} not found`);
  }
}

/** 400 with the failing fields, for checks a DTO decorator cannot express. */
export class InvalidInputException extends DomainException {
  constructor(details: FieldError[], message = 'Invalid input') {
    super('validation.failed', message, details);
  }
}
