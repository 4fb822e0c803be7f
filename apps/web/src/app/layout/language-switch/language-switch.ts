import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { AppLang, LanguageService } from '@alliances/web/core';
import { AuthStore } from '@alliances/web/identity/data-access';

@Component({
  selector: 'all-language-switch',
  imports: [MatButton, TranslocoPipe],
  templateUrl: './language-switch.html',
  styleUrl: './language-switch.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  protected readonly language = inject(LanguageService);
  private readonly store = inject(AuthStore);

  protected choose(lang: AppLang): void {
    this.language.use(lang);
    // Signed in, the choice is the account's language too (the one mails are written in).
    if (this.store.isSignedIn() && this.store.user()?.locale !== lang) {
      this.store.updateProfile({ locale: lang }).catch(() => undefined);
    }
  }
}
