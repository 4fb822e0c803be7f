import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { DirectoryCard } from '@alliances/shared/contracts';
import { OrganisationLogo } from '../shared/organisation-logo';
import { MatchReasons } from '../shared/match-reasons';
import { DomainKeyPipe } from '../shared/domain-key.pipe';

/** One listed organisation in the results: who, where, what it works on, seeks and offers. */
@Component({
  selector: 'all-directory-result-card',
  imports: [RouterLink, TranslocoPipe, OrganisationLogo, DomainKeyPipe, MatchReasons],
  template: `
    @let org = card();
    <article class="card" [attr.aria-labelledby]="'card-' + org.id" data-testid="directory-card">
      <header>
        <all-organisation-logo [organisationId]="org.id" [name]="org.name" [hasLogo]="org.hasLogo" />
        <div>
          <h3 [id]="'card-' + org.id">
            <a [routerLink]="['/annuaire', org.id]" [queryParams]="linkQuery()" data-testid="directory-card-link">{{ org.name }}</a>
          </h3>
          <p class="meta">
            {{ 'organisations.profiles.' + org.profile | transloco }}
            @if (org.territory; as territory) {
              · <span data-testid="directory-card-territory">{{ territory.name }}</span>
            }
          </p>
        </div>
      </header>
      @if (org.openToAlliances) {
        <p class="badges">
          <span class="badge open">{{ 'directory.card.open' | transloco }}</span>
        </p>
      }

      @if (org.match; as match) {
        <div class="match" data-testid="directory-match">
          <span class="badge score" data-testid="directory-match-score">{{
            'directory.card.match' | transloco: { score: match.score }
          }}</span>
          <all-match-reasons [match]="match" />
        </div>
      }

      @if (org.domains.length) {
        <ul class="chips" [attr.aria-label]="'directory.card.domains' | transloco">
          @for (domain of org.domains; track domain) {
            <li class="chip">
              @if (domain | domainKey; as key) {
                {{ key | transloco }}
              } @else {
                {{ domain }}
              }
            </li>
          }
        </ul>
      }
      @if (org.seeks.length) {
        <div class="needs">
          <span class="label" [id]="'seeks-' + org.id">{{ 'directory.card.seeks' | transloco }}</span>
          <ul class="chips" [attr.aria-labelledby]="'seeks-' + org.id" data-testid="directory-card-seeks">
            @for (need of org.seeks; track need) {
              <li class="chip seeks">{{ 'directory.needs.' + need | transloco }}</li>
            }
          </ul>
        </div>
      }
      @if (org.offers.length) {
        <div class="needs">
          <span class="label" [id]="'offers-' + org.id">{{ 'directory.card.offers' | transloco }}</span>
          <ul class="chips" [attr.aria-labelledby]="'offers-' + org.id" data-testid="directory-card-offers">
            @for (need of org.offers; track need) {
              <li class="chip offers">{{ 'directory.needs.' + need | transloco }}</li>
            }
          </ul>
        </div>
      }
    </article>
  `,
  styleUrl: './directory-result-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectoryResultCard {
  readonly card = input.required<DirectoryCard>();
  /** The caller's organisation the complementarity was measured against, carried to the card's page. */
  readonly asOrganisation = input<string | null>(null);

  protected readonly linkQuery = computed(() => {
    const as = this.asOrganisation();
    return as ? { as } : {};
  });
}
