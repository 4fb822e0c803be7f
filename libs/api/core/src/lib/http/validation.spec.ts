import { Type } from 'class-transformer';
import { IsEmail, IsInt, Min, MinLength, ValidateNested } from 'class-validator';
import {
  createValidationPipe,
  InputTooDeepException,
  IsNumberWithDecimals,
  MAX_INPUT_DEPTH,
  nestedDeeperThan,
  ValidationFailedException,
} from './validation';

class Tranche {
  @IsInt() @Min(1) amount!: number;
}
class Grant {
  @IsEmail() contact!: string;
  @MinLength(3) title!: string;
  @ValidateNested({ each: true }) @Type(() => Tranche) tranches!: Tranche[];
}

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();
  const run = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Grant });

  it('reports every failing field with dotted paths, nested ones included', async () => {
    const error = await run({ contact: 'nope', title: 'ab', tranches: [{ amount: 5 }, { amount: 0 }] }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationFailedException);
    const fields = (error as ValidationFailedException).details.map((d) => d.field);
    expect(fields).toEqual(['contact', 'title', 'tranches.1.amount']);
    expect((error as ValidationFailedException).details[0].codes).toEqual(['isEmail']);
  });

  it('refuses unknown fields instead of silently storing them', async () => {
    const error = await run({ contact: 'a@b.fr', title: 'abc', tranches: [], isAdmin: true }).catch((e) => e);
    expect((error as ValidationFailedException).details).toEqual([
      expect.objectContaining({ field: 'isAdmin', codes: ['whitelistValidation'] }),
    ]);
  });

  it('returns a typed instance when the input is valid', async () => {
    const value = await run({ contact: 'a@b.fr', title: 'abc', tranches: [{ amount: 3 }] });
    expect(value).toBeInstanceOf(Grant);
    expect(value.tranches[0]).toBeInstanceOf(Tranche);
  });

  it('refuses NUL characters anywhere in the input, which PostgreSQL cannot store', async () => {
    const error = await run({ contact: 'a@b.fr', title: 'a\u0000b', tranches: [{ amount: 3, note: 'x\u0000' }] }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationFailedException);
    expect((error as ValidationFailedException).details.map((d) => [d.field, d.codes])).toEqual([
      ['title', ['nulCharacter']],
      ['tranches.0.note', ['nulCharacter']],
    ]);
    const query = await pipe.transform({ q: '\u0000' }, { type: 'query' }).catch((e) => e);
    expect(query).toBeInstanceOf(ValidationFailedException);
  });
});

describe('nestedDeeperThan', () => {
  const nested = (levels: number): unknown => JSON.parse('{"a":'.repeat(levels - 1) + '[1]' + '}'.repeat(levels - 1));

  it('counts levels of objects and arrays, whatever the depth, without recursing', () => {
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan({}, 1)).toBe(false);
    expect(nestedDeeperThan({ a: [1] }, 1)).toBe(true);
    expect(nestedDeeperThan(nested(MAX_INPUT_DEPTH), MAX_INPUT_DEPTH)).toBe(false);
    expect(nestedDeeperThan(nested(MAX_INPUT_DEPTH + 1), MAX_INPUT_DEPTH)).toBe(true);
    expect(nestedDeeperThan(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)), MAX_INPUT_DEPTH)).toBe(true);
  });

  it('looks at every branch, not only the first', () => {
    expect(nestedDeeperThan({ shallow: 1, list: [{ x: 1 }, nested(MAX_INPUT_DEPTH)] }, MAX_INPUT_DEPTH)).toBe(true);
  });
});

describe('createValidationPipe and deep inputs', () => {
  const pipe = createValidationPipe();

  it('refuses an input nested thousands of levels deep with a 400, where it used to overflow the stack', async () => {
    const body = JSON.parse('{"contact":' + '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000) + '}');
    const error = await pipe.transform(body, { type: 'body', metatype: Grant }).catch((e) => e);
    expect(error).toBeInstanceOf(InputTooDeepException);
    expect(error).toMatchObject({ status: 400, code: 'validation.too_deep', details: [{ field: 'body', codes: ['maxDepth'] }] });
  });
});

describe('IsNumberWithDecimals', () => {
  class Amount {
    @IsNumberWithDecimals(2) amount!: number;
  }
  const pipe = createValidationPipe();
  const check = (amount: unknown) =>
    pipe.transform({ amount }, { type: 'body', metatype: Amount }).then(
      () => 'valid',
      (e: ValidationFailedException) => e.details[0].codes.join(),
    );

  it('accepts finite numbers with few enough decimals, whatever their notation', async () => {
    for (const ok of [0, -0, 12, 12.5, 12.34, 1e11, -3.1]) expect(await check(ok)).toBe('valid');
  });

  it('refuses too many decimals, tiny numbers in exponent form and non-finite values, under the code isNumber', async () => {
    for (const bad of [12.345, 1e-300, 1.5e-7, Infinity, NaN, '12', null]) expect(await check(bad)).toBe('isNumber');
  });
});
