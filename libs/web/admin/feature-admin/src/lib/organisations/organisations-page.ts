import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { ReviewQueueApi } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';
import {
  ORGANISATION_PROFILES,
  isValidRna,
  isValidSiren,
  isValidSiret,
  type OrganisationStatus,
  type ReviewQueueEntry,
} from '@alliances/shared/contracts';
import { firstValueFrom, forkJoin, map } from 'rxjs';
import { CatalystGrantDialog, type CatalystGrantDialogData } from '../catalyst/catalyst-grant-dialog';

const STATUSES: OrganisationStatus[] = ['pending', 'approved', 'rejected'];

/** Lower case without accents, so "collectivite" finds "Collectivité". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** What a search matches in an organisation: its name, identifiers, territory and who applied. */
function haystack(o: ReviewQueueEntry): string {
  return fold(
    [o.name, o.siren, o.siret, o.rna, o.territoryName, o.territoryCode, o.applicant?.displayName, o.applicant?.email]
      .filter(Boolean)
      .join(' '),
  );
}

/** Every organisation on the platform, whatever its status, searchable; pending ones lead to the review queue. */
@Component({
  selector: 'all-admin-organisations-page',
  imports: [RouterLink, MatButton, MatFormField, MatLabel, MatInput, MatSelect, MatOption, TranslocoPipe, LocalDatePipe, Notice],
  templateUrl: './organisations-page.html',
  styleUrl: './organisations-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationsPage {
  private readonly api = inject(ReviewQueueApi);
  private readonly dialog = inject(MatDialog);

  protected readonly statuses = STATUSES;
  protected readonly profiles = ORGANISATION_PROFILES;
  protected readonly errorMessageKey = errorMessageKey;

  /** All three lists at once, every page of each (the API lists one status at a time), newest application first. */
  protected readonly all = rxResource({
    stream: () =>
      forkJoin(STATUSES.map((s) => this.api.listAll(s))).pipe(
        map((lists) => lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
      ),
  });

  protected readonly text = signal('');
  protected readonly status = signal<OrganisationStatus | ''>('');
  protected readonly profile = signal<string>('');
  /** What the last catalyst grant did, for the live region above the table. */
  protected readonly catalystSaved = signal<{ name: string; count: number } | null>(null);

  private readonly organisations = computed(() => (this.all.hasValue() ? this.all.value() : []));
  protected readonly pending = computed(() => this.organisations().filter((o) => o.status === 'pending').length);
  protected readonly shown = computed(() => {
    const words = fold(this.text()).split(/\s+/).filter(Boolean);
    return this.organisations().filter(
      (o) =>
        (!this.status() || o.status === this.status()) &&
        (!this.profile() || o.profile === this.profile()) &&
        words.every((w) => haystack(o).includes(w)),
    );
  });

  protected identifiers(o: ReviewQueueEntry): { key: string; value: string; valid: boolean }[] {
    return [
      o.siren ? { key: 'siren', value: o.siren, valid: isValidSiren(o.siren) } : null,
      o.siret ? { key: 'siret', value: o.siret, valid: isValidSiret(o.siret) } : null,
      o.rna ? { key: 'rna', value: o.rna, valid: isValidRna(o.rna) } : null,
    ].filter((x) => x !== null);
  }

  protected async grantCatalyst(o: ReviewQueueEntry): Promise<void> {
    const codes = await firstValueFrom(
      this.dialog
        .open<CatalystGrantDialog, CatalystGrantDialogData, string[] | null>(CatalystGrantDialog, {
          data: { organisationId: o.id, organisationName: o.name },
        })
        .afterClosed(),
    );
    if (codes) this.catalystSaved.set({ name: o.name, count: codes.length });
  }

  protected reset(): void {
    this.text.set('');
    this.status.set('');
    this.profile.set('');
  }
}
