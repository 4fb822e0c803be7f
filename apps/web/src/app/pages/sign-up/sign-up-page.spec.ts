import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { browserLanguage, translocoTesting } from '../../../testing/i18n-testing';
import { SignUpPage } from './sign-up-page';

describe('SignUpPage', () => {
  beforeEach(() => {
    localStorage.clear();
    browserLanguage('fr-FR');
    TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [provideRouter([])] });
  });

  afterEach(() => jest.restoreAllMocks());

  async function render() {
    const fixture = TestBed.createComponent(SignUpPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const errors = () => [...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    const type = async (name: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
      if (!input) throw new Error(`no field ${name}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
    };
    return { el, errors, type, submit };
  }

  it('labels every field', async () => {
    const { el } = await render();

    expect([...el.querySelectorAll('mat-label')].map((l) => l.textContent?.trim())).toEqual([
      'Nom affiché',
      'Adresse e-mail',
      'Mot de passe',
    ]);
  });

  it('explains in French what is missing when an empty form is submitted', async () => {
    const { errors, submit } = await render();
    expect(errors()).toEqual([]);

    await submit();

    expect(errors()).toEqual([
      'Saisissez le nom à afficher.',
      'Saisissez votre adresse e-mail.',
      'Saisissez votre mot de passe.',
    ]);
  });

  it('rejects a malformed email and a short password', async () => {
    const { errors, type, submit } = await render();

    await type('displayName', 'Camille Martin');
    await type('email', 'camille');
    await type('password', 'court');
    await submit();

    expect(errors()).toEqual([
      'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
      'Le mot de passe doit contenir au moins 12 caractères.',
    ]);
  });

  it('shows no error and no fake success for a valid form', async () => {
    const { el, errors, type, submit } = await render();

    await type('displayName', 'Camille Martin');
    await type('email', 'camille@exemple.fr');
    await type('password', 'une phrase de passe');
    await submit();

    expect(errors()).toEqual([]);
    expect(el.querySelector('[role="alert"], [role="status"]')).toBeNull();
  });
});
