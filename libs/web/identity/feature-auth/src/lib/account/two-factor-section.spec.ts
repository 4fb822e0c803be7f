import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { translocoTesting, browserLanguage } from '@alliances/web/core/testing';
import { AuthStore, SecurityApi } from '@alliances/web/identity/data-access';
import { settle } from '@alliances/web/identity/data-access/testing';
import type { AccountSecurity } from '@alliances/shared/contracts';
import { of, throwError } from 'rxjs';
import { HttpErrorResponse } from '@angular/common/http';
import { TwoFactorSection } from './two-factor-section';

// jsdom has no canvas to draw the QR code on; the browser spec shows the real one.
jest.mock('qrcode', () => ({ toDataURL: async () => 'data:image/png;base64,iVBORw0KGgo=' }));

const OFF: AccountSecurity = {
  email: 'camille@asso-exemple.fr',
  pendingEmail: null,
  hasPassword: true,
  twoFactor: {
    enabled: false,
    enabledAt: null,
    recoveryCodesLeft: 0,
    required: true,
    requiredBy: { platformAdmin: false, organisations: [{ organisationId: 'o1', organisationName: 'Ressourcerie du Plateau' }] },
  },
  linkedIdentities: [],
};
const CODES = Array.from({ length: 10 }, (_, i) => `code${i}-abcde`);

describe('TwoFactorSection', () => {
  let fixture: ComponentFixture<TwoFactorSection>;
  let confirm: jest.Mock;
  const el = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement>(id: string) => el().querySelector<T>(`[data-testid="${id}"]`);
  const stable = async () => {
    await settle();
    await fixture.whenStable();
  };
  const type = (id: string, value: string) => {
    const input = byTestId<HTMLInputElement>(id);
    if (!input) throw new Error(`no field ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  beforeEach(async () => {
    browserLanguage('fr-FR');
    confirm = jest.fn();
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: SecurityApi,
          useValue: {
            startTotp: () =>
              of({ secret: 'JBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/Alliances:camille?secret=JBSWY3DPEHPK3PXP&issuer=Alliances' }),
            confirmTotp: confirm,
          },
        },
      ],
    });
    fixture = TestBed.createComponent(TwoFactorSection);
    fixture.componentRef.setInput('security', OFF);
    await stable();
  });

  it('says why it is required, then shows the QR code and the key to type by hand', async () => {
    expect(byTestId('totp-required-by')?.textContent).toContain('Ressourcerie du Plateau');

    byTestId('totp-enable')?.click();
    await stable();

    const qr = byTestId<HTMLImageElement>('totp-qr');
    expect(qr?.src).toMatch(/^data:image\/png;base64,/);
    expect(qr?.alt).toBe('QR code pour ajouter Alliances à votre application d’authentification');
    expect(byTestId('totp-secret')?.textContent?.trim()).toBe('JBSWY3DPEHPK3PXP');
    expect(document.activeElement).toBe(byTestId('totp-code'));
  });

  it('explains a refused code, then shows the ten recovery codes once it is on', async () => {
    byTestId('totp-enable')?.click();
    await stable();

    confirm.mockReturnValueOnce(
      throwError(() => new HttpErrorResponse({ status: 400, error: { statusCode: 400, code: 'auth.totp_invalid', message: 'x' } })),
    );
    type('totp-code', '123 456');
    byTestId('totp-confirm')?.click();
    await stable();
    expect(confirm).toHaveBeenLastCalledWith('123456');
    expect(byTestId('totp-error')?.textContent).toContain('ne correspond pas');

    confirm.mockReturnValueOnce(of({ recoveryCodes: CODES }));
    type('totp-code', '654321');
    byTestId('totp-confirm')?.click();
    await stable();

    expect([...el().querySelectorAll('[data-testid="recovery-codes"] li')].map((li) => li.textContent?.trim())).toEqual(CODES);
    expect(byTestId('recovery-codes-download')).not.toBeNull();
    expect(TestBed.inject(AuthStore).twoFactorSetupRequired()).toBe(false);
  });
});
