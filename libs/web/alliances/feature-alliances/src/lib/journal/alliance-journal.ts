import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { Router, RouterLink, UrlTree } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { JOURNAL_KINDS, type AllianceAuditEntry, type JournalKind } from '@alliances/shared/contracts';
import { AlliancesApi } from '@alliances/web/alliances/data-access';
import { LanguageService } from '@alliances/web/core';
import { firstValueFrom } from 'rxjs';
import { allianceErrorKey } from '../shared/alliance-errors';
import { journalSentences, openKey, type Translate } from './journal-sentences';

interface JournalDay {
  /** yyyy-mm-dd in the reader's time zone. */
  day: string;
  entries: { entry: AllianceAuditEntry; link: UrlTree | null }[];
}

const dayOf = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * The alliance journal people read: one sentence per entry (who, what, a link to the object), grouped
 * by day, filtered by kind, older entries on demand.
 */
@Component({
  selector: 'all-alliance-journal',
  imports: [TranslocoDirective, RouterLink, MatButton, MatButtonToggleGroup, MatButtonToggle],
  template: `
    <section aria-labelledby="journal-title" data-testid="alliance-journal" *transloco="let t">
      <h2 id="journal-title">{{ t('alliances.home.journal') }}</h2>
      <mat-button-toggle-group
        class="kinds"
        [attr.aria-label]="t('journal.filterLabel')"
        [value]="kind() ?? 'all'"
        (change)="choose($event.value)"
        hideSingleSelectionIndicator
        data-testid="journal-kinds"
      >
        <mat-button-toggle value="all">{{ t('journal.kinds.all') }}</mat-button-toggle>
        @for (k of kinds; track k) {
          <mat-button-toggle [value]="k">{{ t('journal.kinds.' + k) }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
      @if (page.hasValue()) {
        @for (group of days(); track group.day) {
          <h3 class="day" data-testid="journal-day">{{ dayTitle(group.day, t) }}</h3>
          <ol class="journal">
            @for (item of group.entries; track item.entry.id) {
              <li data-testid="journal-entry">
                <time [attr.datetime]="item.entry.at">{{ time(item.entry.at) }}</time>
                <span class="sentence">
                  @for (line of sentences(item.entry, t); track $index) {
                    <span class="line">{{ line }}</span>
                  }
                </span>
                @if (item.link) {
                  <a [routerLink]="item.link">{{ t(openKey(item.entry.objectType)) }}</a>
                }
              </li>
            }
          </ol>
        } @empty {
          <p class="explain">{{ t(kind() ? 'journal.emptyKind' : 'alliances.home.journalEmpty') }}</p>
        }
        @if (cursor()) {
          <button matButton="outlined" type="button" [disabled]="loadingMore()" (click)="more()" data-testid="journal-more">
            {{ t('journal.more') }}
          </button>
        }
        @if (error()) {
          <p role="alert">{{ t(error()!) }}</p>
        }
      } @else if (page.error()) {
        <p role="alert">{{ t('journal.error') }}</p>
      } @else {
        <p role="status">{{ t('common.loading') }}</p>
      }
    </section>
  `,
  styles: `
    h2 {
      margin: 2rem 0 0.75rem;
      font: var(--mat-sys-title-large);
    }
    .kinds {
      flex-wrap: wrap;
      margin-bottom: 0.5rem;
    }
    .day {
      margin: 1rem 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .journal {
      margin: 0;
      padding: 0;
      list-style: none;

      li {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 0.75rem;
        padding: 0.375rem 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }

      time {
        font-variant-numeric: tabular-nums;
        color: var(--mat-sys-on-surface-variant);
      }

      .sentence {
        flex: 1 1 20rem;
      }

      .line {
        display: block;
      }
    }
    button {
      margin-top: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AllianceJournal {
  private readonly api = inject(AlliancesApi);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);

  readonly allianceId = input.required<string>();
  /** Bumped by the page after a change of the alliance, to read the journal again. */
  readonly revision = input(0);

  protected readonly kinds = JOURNAL_KINDS;
  protected readonly openKey = openKey;
  protected readonly kind = signal<JournalKind | null>(null);
  protected readonly page = rxResource({
    params: () => ({ id: this.allianceId(), kind: this.kind(), revision: this.revision() }),
    stream: ({ params }) => this.api.audit(params.id, undefined, params.kind ?? undefined),
  });
  private readonly older = signal<AllianceAuditEntry[]>([]);
  private readonly olderCursor = signal<string | null | undefined>(undefined);
  protected readonly loadingMore = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly cursor = computed(() => {
    const older = this.olderCursor();
    return older !== undefined ? older : this.page.hasValue() ? this.page.value().nextCursor : null;
  });

  protected readonly days = computed<JournalDay[]>(() => {
    const entries = this.page.hasValue() ? [...this.page.value().items, ...this.older()] : [];
    const days: JournalDay[] = [];
    for (const entry of entries) {
      const day = dayOf(new Date(entry.at));
      if (days[days.length - 1]?.day !== day) days.push({ day, entries: [] });
      days[days.length - 1].entries.push({ entry, link: entry.link ? this.router.parseUrl(entry.link) : null });
    }
    return days;
  });

  constructor() {
    // A new first page (another kind, or the alliance changed) starts the list again.
    effect(() => {
      this.page.value();
      untracked(() => {
        this.older.set([]);
        this.olderCursor.set(undefined);
        this.error.set(null);
      });
    });
  }

  protected choose(value: JournalKind | 'all'): void {
    this.kind.set(value === 'all' ? null : value);
  }

  protected sentences(entry: AllianceAuditEntry, t: Translate): string[] {
    return journalSentences(entry, t, this.language.lang());
  }

  private locale(): string {
    return this.language.lang() === 'fr' ? 'fr-FR' : 'en-GB';
  }

  protected time(at: string): string {
    return new Intl.DateTimeFormat(this.locale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(at));
  }

  /** "Aujourd'hui", "Hier", then the date in words, in the interface language. */
  protected dayTitle(day: string, t: Translate): string {
    const today = new Date();
    if (day === dayOf(today)) return t('journal.today');
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    if (day === dayOf(yesterday)) return t('journal.yesterday');
    const [y, m, d] = day.split('-').map(Number);
    return new Intl.DateTimeFormat(this.locale(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(y, m - 1, d),
    );
  }

  async more(): Promise<void> {
    const cursor = this.cursor();
    if (!cursor) return;
    this.loadingMore.set(true);
    this.error.set(null);
    try {
      const page = await firstValueFrom(this.api.audit(this.allianceId(), cursor, this.kind() ?? undefined));
      this.older.update((entries) => [...entries, ...page.items]);
      this.olderCursor.set(page.nextCursor);
    } catch (error) {
      this.error.set(allianceErrorKey(error));
    } finally {
      this.loadingMore.set(false);
    }
  }
}
