import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe, errorMessageKey, httpStatus } from '@alliances/web/core';
import { AuthStore, InvitationsApi } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';
import { firstValueFrom } from 'rxjs';

/** The page an invitation e-mail links to: what is offered, then sign in (or up) and accept. */
@Component({
  selector: 'all-accept-invitation-page',
  imports: [RouterLink, MatButton, MatCard, MatCardContent, TranslocoPipe, LocalDatePipe, Notice],
  templateUrl: './accept-invitation-page.html',
  styleUrl: './accept-invitation-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AcceptInvitationPage {
  private readonly api = inject(InvitationsApi);
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);

  /** Route parameter: the secret token from the e-mail. */
  readonly token = input.required<string>();

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly httpStatus = httpStatus;
  protected readonly preview = rxResource({ params: () => this.token(), stream: ({ params }) => this.api.preview(params) });
  protected readonly sessionStatus = this.store.status;
  protected readonly user = this.store.user;
  /** Signing in or up from here comes back here, with the invited address filled in. */
  protected readonly authQuery = computed(() => ({
    returnUrl: `/invitations/${this.token()}`,
    email: this.preview.hasValue() ? this.preview.value().email : null,
  }));
  protected readonly emailMatches = computed(() => {
    const email = this.user()?.email;
    return !!email && this.preview.hasValue() && email.toLowerCase() === this.preview.value().email.toLowerCase();
  });

  protected readonly accepting = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected async accept(): Promise<void> {
    this.errorKey.set(null);
    this.accepting.set(true);
    try {
      const membership = await firstValueFrom(this.api.accept(this.token()));
      await this.store.reloadMe().catch(() => undefined);
      await this.router.navigate(['/organisations', membership.organisationId]);
    } catch (error) {
      this.errorKey.set(errorMessageKey(error));
    } finally {
      this.accepting.set(false);
    }
  }

  /** Signed in with another address: sign out, then sign in with the invited one. */
  protected async switchAccount(): Promise<void> {
    await this.store.signOut(this.router.createUrlTree(['/sign-in'], { queryParams: this.authQuery() }));
  }
}
