/**
 * Typed errors thrown by services and mapped to application/problem+json by one handler (error-handler.ts).
 * Messages are Swedish: they are shown to the person who made the request.
 */
export interface FieldError {
  /** Dotted path of the failing field, e.g. `klienter.totalt.kvinna`. */
  field: string;
  message: string;
  rule?: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** Also used for resources of another organisation: their existence is never revealed. */
export class NotFound extends DomainError {
  constructor(message = 'Hittades inte.') {
    super(404, 'Hittades inte', message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'Du har inte behörighet till detta.') {
    super(403, 'Ingen behörighet', message);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = 'Du behöver logga in.') {
    super(401, 'Inte inloggad', message);
  }
}

export class Invalid extends DomainError {
  constructor(errors: FieldError[], message?: string) {
    super(
      400,
      'Ogiltiga uppgifter',
      message ?? errors.map((e) => `${e.field}: ${e.message}`).join(' '),
      errors,
    );
  }
}

export class Conflict extends DomainError {
  constructor(message: string, errors: FieldError[] = []) {
    super(409, 'Konflikt', message, errors);
  }
}

export class TooManyRequests extends DomainError {
  constructor(message = 'För många försök. Vänta en stund och försök igen.') {
    super(429, 'För många försök', message);
  }
}

/** Shorthand for a single-field validation error. */
export function invalidField(field: string, message: string, rule?: string): Invalid {
  return new Invalid([{ field, message, ...(rule ? { rule } : {}) }]);
}
