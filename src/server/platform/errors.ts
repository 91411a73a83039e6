import { summarySentence } from '../../contracts/messages/error-map.ts';
import { labelOf } from '../../contracts/messages/labels.ts';

/**
 * Typed errors thrown by services and mapped to application/problem+json by one handler (error-handler.ts).
 * Messages are Swedish: they are shown to the person who made the request.
 */
export interface FieldError {
  /** Dotted path of the failing field, e.g. `klienter.totalt.kvinna`: for code, never shown to people. */
  field: string;
  /** The field's label as the form shows it ("Klienter under året, kvinnor"); filled from the label table. */
  label?: string;
  /** A plain Swedish sentence ending with a full stop; no field names, paths or type words. */
  message: string;
  rule?: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    errors: FieldError[] = [],
  ) {
    super(message);
    // Every entry names its field by label (contracts/messages/labels.ts) unless the thrower gave one.
    this.errors = errors.map((e) => ({ ...e, label: e.label ?? labelOf(e.field) }));
  }
  readonly errors: FieldError[];
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
    // The detail never holds paths: one error's own sentence, or for several a short sentence of labels
    // ("2 uppgifter behöver rättas: Rubrik, Nivå.").
    const labelled = errors.map((e) => ({ ...e, label: e.label ?? labelOf(e.field) }));
    const detail = message ?? (labelled.length === 1 ? labelled[0]!.message : summarySentence(labelled));
    super(400, 'Ogiltiga uppgifter', detail, labelled);
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
