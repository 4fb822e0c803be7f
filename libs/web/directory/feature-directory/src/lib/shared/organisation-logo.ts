import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { HttpClient } from '@angular/common/http';
import { organisationLogoUrl } from '@alliances/web/directory/data-access';
import { TranslocoPipe } from '@jsverse/transloco';
import { of } from 'rxjs';

/**
 * An organisation's logo, fetched with the caller's credentials (an `<img src>` to the API would go
 * without them); its initials when it has none.
 */
@Component({
  selector: 'all-organisation-logo',
  imports: [TranslocoPipe],
  template: `
    @if (src(); as src) {
      <img [src]="src" [alt]="'directory.logoAlt' | transloco: { name: name() }" data-testid="organisation-logo" />
    } @else {
      <span class="initials" aria-hidden="true">{{ initials() }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex: none;
      align-items: center;
      justify-content: center;
      width: var(--logo-size, 3.5rem);
      height: var(--logo-size, 3.5rem);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
      overflow: hidden;
    }
    img {
      width: 100%;
      height: 100%;
      object-fit: contain;
    }
    .initials {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationLogo {
  private readonly http = inject(HttpClient);

  readonly organisationId = input.required<string>();
  readonly name = input.required<string>();
  readonly hasLogo = input(false);
  /** Bumped by the owner after an upload, to fetch the new image. */
  readonly version = input(0);

  private readonly logo = rxResource({
    params: () => (this.hasLogo() ? { id: this.organisationId(), version: this.version() } : undefined),
    stream: ({ params }) => (params ? this.http.get(organisationLogoUrl(params.id), { responseType: 'blob' }) : of(null)),
  });

  protected readonly src = computed(() => {
    const blob = this.logo.hasValue() ? this.logo.value() : null;
    return blob ? URL.createObjectURL(blob) : null;
  });
  protected readonly initials = computed(() =>
    this.name()
      .split(/\s+/)
      .filter((word) => word.length > 2 || /^[A-Z]/.test(word))
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase() ?? '')
      .join(''),
  );

  constructor() {
    // Each object URL holds its image in memory until revoked.
    effect((onCleanup) => {
      const src = this.src();
      onCleanup(() => {
        if (src) URL.revokeObjectURL(src);
      });
    });
  }
}
