import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@alliances/shared/contracts';
import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { DomainException } from './domain.exception';

/** Flattens class-validator's nested errors into `details` with dotted field paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints), codes: Object.keys(error.constraints) }]
      : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

export class ValidationFailedException extends BadRequestException {
  constructor(readonly details: FieldError[]) {
    super({ message: `Invalid input: ${details.map((d) => d.field).join(', ')}`, details });
  }
}

/** How many levels of objects and arrays an input may nest: far more than any DTO, far fewer than overflow the stack. */
export const MAX_INPUT_DEPTH = 32;

/** Whether `value` nests objects or arrays more than `max` levels deep; iterative, so any depth is measured safely. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, level] = next;
    if (!node || typeof node !== 'object') continue;
    if (level > max) return true;
    for (const child of Object.values(node)) if (child && typeof child === 'object') pending.push([child, level + 1]);
  }
  return false;
}

/** 400 for an input nested deeper than MAX_INPUT_DEPTH, refused before validation walks it recursively. */
export class InputTooDeepException extends DomainException {
  constructor(field = 'body') {
    const message = `${field} must not nest objects or arrays more than ${MAX_INPUT_DEPTH} levels deep`;
    super('validation.too_deep', message, [{ field, messages: [message], codes: ['maxDepth'] }]);
  }
}

/** Dotted paths of the strings holding a NUL character, which PostgreSQL text cannot store. */
export function nulCharacterPaths(value: unknown, path = '', depth = 0): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || 'value'] : [];
  if (!value || typeof value !== 'object' || depth > MAX_INPUT_DEPTH) return [];
  return Object.entries(value).flatMap(([key, v]) => nulCharacterPaths(v, path ? `${path}.${key}` : key, depth + 1));
}

/**
 * The pipe, refusing inputs nested too deeply (Nest's and class-transformer's walks recurse: a stack
 * overflow) and NUL characters in bodies, queries and path parameters before anything reaches the database.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      if (nestedDeeperThan(value, MAX_INPUT_DEPTH)) throw new InputTooDeepException(metadata.type);
      const paths = nulCharacterPaths(value);
      if (paths.length)
        throw new ValidationFailedException(
          paths.map((field) => ({ field, messages: [`${field} must not contain NUL characters`], codes: ['nulCharacter'] })),
        );
    }
    return super.transform(value, metadata);
  }
}

/** Decimals of a finite number, exponent notation included (1e-7 has 7). */
const decimalPlaces = (n: number): number => {
  const [mantissa, exponent] = n.toExponential().split('e');
  return Math.max(0, (mantissa.split('.')[1] ?? '').length - Number(exponent));
};

/**
 * A finite number with at most `places` decimals, under the code `isNumber`. class-validator's own
 * `IsNumber({ maxDecimalPlaces })` throws on a number JavaScript prints in exponent form (1e-300): a 500.
 */
export function IsNumberWithDecimals(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNumber',
      constraints: [places],
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= places,
        defaultMessage: buildMessage((each) => `${each}$property must be a finite number with at most ${places} decimals`, options),
      },
    },
    options,
  );
}

/** Every input is validated: unknown fields are refused, types converted, failures listed. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(toFieldErrors(errors)),
  });
}
