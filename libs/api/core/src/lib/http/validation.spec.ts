import { Type } from 'class-transformer';
import { IsEmail, IsInt, Min, MinLength, ValidateNested } from 'class-validator';
import { createValidationPipe, ValidationFailedException } from './validation';

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
});
