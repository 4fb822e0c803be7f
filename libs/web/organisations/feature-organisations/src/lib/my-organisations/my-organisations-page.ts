import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { OrganisationsApi } from '@alliances/web/identity/data-access';
import { errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import type { MembershipSummary } from '@alliances/shared/contracts';
import { Observable, catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { OrganisationStatusChip } from '../shared/organisation-status';

type MyOrganisation = MembershipSummary & { rejectionReason: string | null };

/** "Mes organisations": every organisation the person belongs to, and where its application stands. */
@Component({
  selector: 'all-my-organisations-page',
  imports: [RouterLink, MatButton, MatCard, MatCardContent, TranslocoPipe, Notice, OrganisationStatusChip],
  templateUrl: './my-organisations-page.html',
  styleUrl: './my-organisations-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyOrganisationsPage {
  private readonly api = inject(OrganisationsApi);

  protected readonly organisations = rxResource({ stream: () => this.withRejectionReasons(this.api.mine()) });
  protected readonly errorMessageKey = errorMessageKey;

  /** The list says "rejected"; the reason comes with each rejected organisation's profile. */
  private withRejectionReasons(memberships: Observable<MembershipSummary[]>): Observable<MyOrganisation[]> {
    return memberships.pipe(
      switchMap((list) => {
        const reasons = list.map((m) =>
          m.organisationStatus === 'rejected'
            ? this.api.get(m.organisationId).pipe(
                map((o) => o.rejectionReason),
                catchError(() => of(null)),
              )
            : of(null),
        );
        return reasons.length ? forkJoin(reasons).pipe(map((r) => list.map((m, i) => ({ ...m, rejectionReason: r[i] ?? null })))) : of([]);
      }),
    );
  }
}
