import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore, CatalystApi } from '@alliances/web/identity/data-access';
import { NotificationsBell } from '@alliances/web/comments/feature-comments';
import { LanguageSwitch } from '../language-switch/language-switch';
import { UserMenu } from '../user-menu/user-menu';

@Component({
  selector: 'all-top-bar',
  imports: [MatToolbar, MatButton, RouterLink, RouterLinkActive, TranslocoPipe, LanguageSwitch, UserMenu, NotificationsBell],
  templateUrl: './top-bar.html',
  styleUrl: './top-bar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TopBar {
  private readonly store = inject(AuthStore);
  private readonly catalystApi = inject(CatalystApi);

  /** Nothing about the session shows while a previous one is being resumed: no flash of "sign in". */
  protected readonly status = this.store.status;
  protected readonly user = this.store.user;
  protected readonly isPlatformAdmin = this.store.isPlatformAdmin;
  /** A funder's people go straight to its portfolio (the first funding organisation, by name). */
  protected readonly portfolioOf = computed(
    () => this.store.memberships().find((m) => m.funds && m.organisationStatus === 'approved')?.organisationId ?? null,
  );
  /** The catalyst page is offered only to people of a territorial catalyst organisation. */
  private readonly catalysts = rxResource({
    params: () => (this.store.status() === 'signedIn' ? this.store.memberships() : undefined),
    stream: ({ params }) => this.catalystApi.catalystsAmong(params),
  });
  protected readonly isCatalyst = computed(() => this.catalysts.hasValue() && this.catalysts.value().length > 0);
}
