import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CharterApi } from '@alliances/web/charter/data-access';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import type { CharterDiff } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { CharterDiffView } from '../shared/charter-diff-view';

/** Every version of the charter, and a comparison of any two of them (or of one with the draft). */
@Component({
  selector: 'all-versions-page',
  imports: [FormsModule, MatButton, RouterLink, TranslocoPipe, LocalDatePipe, Notice, CharterDiffView],
  template: `
    <h1>{{ 'charter.versions.title' | transloco }}</h1>
    <nav class="links" [attr.aria-label]="'charter.nav.label' | transloco">
      <a [routerLink]="['/alliances', id(), 'charter']">{{ 'charter.nav.editor' | transloco }}</a>
      <a [routerLink]="['/alliances', id(), 'charter', 'signatures']">{{ 'charter.nav.signatures' | transloco }}</a>
    </nav>
    @if (versions.error()) {
      <all-notice kind="error">{{ 'charter.loadError' | transloco }}</all-notice>
    }
    @if (versions.value(); as list) {
      @if (!list.length) {
        <p>{{ 'charter.signatures.noVersion' | transloco }}</p>
      } @else {
        <table data-testid="versions-table">
          <caption>
            {{
              'charter.versions.caption' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'charter.versions.version' | transloco }}</th>
              <th scope="col">{{ 'charter.versions.author' | transloco }}</th>
              <th scope="col">{{ 'charter.versions.date' | transloco }}</th>
              <th scope="col">{{ 'charter.versions.status' | transloco }}</th>
              <th scope="col">{{ 'charter.versions.signatures' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (v of list; track v.version) {
              <tr data-testid="version-row">
                <th scope="row">{{ 'charter.signatures.versionN' | transloco: { version: v.version } }}</th>
                <td>{{ v.createdBy.displayName ?? '—' }}</td>
                <td>{{ v.createdAt | localDate }}</td>
                <td>{{ 'charter.versions.statuses.' + v.status | transloco }}</td>
                <td>{{ v.signatures.length }}</td>
              </tr>
            }
          </tbody>
        </table>

        <form class="compare" (ngSubmit)="compare()" data-testid="compare-form">
          <h2>{{ 'charter.versions.compare' | transloco }}</h2>
          <label for="compare-from">{{ 'charter.versions.from' | transloco }}</label>
          <select id="compare-from" name="from" [(ngModel)]="from" data-testid="compare-from">
            @for (v of list; track v.version) {
              <option [ngValue]="v.version">{{ 'charter.signatures.versionN' | transloco: { version: v.version } }}</option>
            }
          </select>
          <label for="compare-to">{{ 'charter.versions.to' | transloco }}</label>
          <select id="compare-to" name="to" [(ngModel)]="to" data-testid="compare-to">
            @for (v of list; track v.version) {
              <option [ngValue]="v.version">{{ 'charter.signatures.versionN' | transloco: { version: v.version } }}</option>
            }
            <option ngValue="draft">{{ 'charter.versions.draft' | transloco }}</option>
          </select>
          <button matButton="filled" type="submit" data-testid="compare-submit">{{ 'charter.versions.compareAction' | transloco }}</button>
        </form>
      }
    }
    @if (error(); as e) {
      <all-notice kind="error">{{ e | transloco }}</all-notice>
    }
    @if (diff(); as d) {
      <section aria-live="polite" data-testid="compare-result">
        <h2>
          {{
            'charter.versions.result' | transloco: { from: d.from, to: d.to === 'draft' ? ('charter.versions.draft' | transloco) : d.to }
          }}
        </h2>
        <all-charter-diff-view [diff]="d" />
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 64rem;
      margin: 0 auto;
    }
    .links {
      display: flex;
      gap: 1rem;
      margin-bottom: 1rem;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      margin: 1rem 0;
    }
    caption {
      text-align: left;
      font: var(--mat-sys-title-medium);
    }
    th,
    td {
      padding: 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
    }
    .compare {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .compare h2 {
      flex-basis: 100%;
      margin: 1rem 0 0;
    }
    select {
      min-height: 2.25rem;
      font: inherit;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VersionsPage {
  private readonly api = inject(CharterApi);

  /** Route parameter: the alliance. */
  readonly id = input.required<string>();

  protected readonly versions = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.versions(params) });
  protected from = 1;
  protected to: number | 'draft' = 'draft';
  protected readonly diff = signal<CharterDiff | null>(null);
  protected readonly error = signal<string | null>(null);

  protected async compare(): Promise<void> {
    this.error.set(null);
    try {
      this.diff.set(await firstValueFrom(this.api.diff(this.id(), this.from, this.to)));
    } catch (error) {
      this.error.set(errorMessageKey(error));
    }
  }
}
