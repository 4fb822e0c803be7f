import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { settle } from '@alliances/web/identity/data-access/testing';
import { NewPasswordFields, newPasswordValidators, samePasswords } from './new-password-fields';

@Component({
  imports: [ReactiveFormsModule, NewPasswordFields],
  template: `<form [formGroup]="form"><all-new-password-fields testId="new" confirmationTestId="again" /></form>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly form = inject(NonNullableFormBuilder).group(
    { password: ['', newPasswordValidators], confirmation: ['', Validators.required] },
    { validators: samePasswords },
  );
}

describe('NewPasswordFields', () => {
  beforeEach(() => {
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
  });

  async function render() {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await settle();
    const el = fixture.nativeElement as HTMLElement;
    const type = async (testId: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!input) throw new Error(`no ${testId}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
      fixture.detectChanges();
      await settle();
    };
    const errors = () => [...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    return { fixture, el, type, errors };
  }

  it('joins the page form: the hint, then the same messages as everywhere', async () => {
    const { fixture, el, type, errors } = await render();
    expect(el.querySelector('mat-hint')?.textContent).toContain('12');
    await type('new', 'court');
    expect(errors()).toEqual(['Le mot de passe doit contenir au moins 12 caractères.']);
    await type('new', 'une phrase de passe');
    await type('again', 'une autre phrase');
    expect(errors()).toEqual(['Les deux mots de passe diffèrent.']);
    await type('again', 'une phrase de passe');
    expect(errors()).toEqual([]);
    expect(fixture.componentInstance.form.valid).toBe(true);
  });

  it('shows a refusal the API put on the control after a submit', async () => {
    const { fixture, type, errors } = await render();
    await type('new', 'motdepasse123');
    fixture.componentInstance.form.controls.password.setErrors({ 'auth.common_password': true });
    fixture.detectChanges();
    await settle();
    expect(errors()).toEqual(['Ce mot de passe est trop courant. Choisissez une phrase de passe plus personnelle.']);
  });
});
