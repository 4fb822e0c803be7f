import type { FieldError } from '@alliances/shared/contracts';

/**
 * An error a domain raises on purpose, with a stable code (`charter.hash_mismatch`) and the HTTP
 * status it stands for. The global filter turns it into the contract's error shape.
 */
export class DomainException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
  }
}

/** 404 for what does not exist *or* is not visible to the caller: never reveal another tenant's ids. */
export class NotFoundDomainException extends DomainException {
  constructor(what = 'resource') {
    super(404, `${what}.not_found`, `${what} not found`);
  }
}

/** 400 with the failing fields, for checks a DTO decorator cannot express. */
export class InvalidInputException extends DomainException {
  constructor(details: FieldError[], message = 'Invalid input') {
    super(400, 'validation.failed', message, details);
  }
}
