import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Alliance, CommentTarget } from '@alliances/shared/contracts';
import { LiveComments } from '@alliances/web/comments/data-access';
import { AuthStore } from '@alliances/web/identity/data-access';
import { Notice } from '@alliances/web/ui';
import { CommentsPanel } from '../panel/comments-panel';

/** `/alliances/:id/discussion`: the alliance-level discussion and who is viewing the alliance. */
@Component({
  selector: 'all-discussion-page',
  imports: [RouterLink, TranslocoPipe, Notice, CommentsPanel],
  template: `
    <div class="page">
      <p class="back">
        <a [routerLink]="['/alliances', id()]">{{ 'comments.discussion.back' | transloco }}</a>
      </p>
      <h1>{{ 'comments.discussion.title' | transloco }}</h1>
      @if (refused()) {
        <all-notice kind="error">{{ 'comments.discussion.notFound' | transloco }}</all-notice>
      } @else {
        @if (name(); as name) {
          <p class="subtitle">{{ 'comments.discussion.subtitle' | transloco: { name } }}</p>
        }
        <div class="layout">
          <all-comments-panel class="panel" [allianceId]="id()" [target]="target()" />
          <aside class="presence" data-testid="presence-list" aria-labelledby="presence-title">
            <h2 id="presence-title">{{ 'comments.discussion.presence' | transloco }}</h2>
            @if (viewers().length) {
              <ul>
                @for (viewer of viewers(); track viewer.userId) {
                  <li>
                    {{ viewer.displayName }}
                    @if (viewer.userId === me()) {
                      <span class="muted">({{ 'comments.discussion.you' | transloco }})</span>
                    }
                  </li>
                }
              </ul>
            } @else {
              <p class="muted">{{ 'comments.discussion.presenceEmpty' | transloco }}</p>
            }
          </aside>
        </div>
      }
    </div>
  `,
  styles: `
    .page {
      max-width: 72rem;
      margin: 0 auto;
      padding: 1rem;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 16rem;
      gap: 1.5rem;
      align-items: start;
    }
    @media (max-width: 48rem) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    .presence {
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    .presence h2 {
      margin-top: 0;
      font: var(--mat-sys-title-medium);
    }
    .muted,
    .subtitle {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DiscussionPage {
  private readonly http = inject(HttpClient);
  private readonly store = inject(LiveComments);
  private readonly auth = inject(AuthStore);

  /** The route parameter `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly target = computed<CommentTarget>(() => ({ type: 'alliance', id: this.id() }));
  protected readonly name = signal<string | null>(null);
  protected readonly me = computed(() => this.auth.user()?.id ?? null);
  protected readonly refused = computed(() => this.store.isRefused(this.id()));
  protected readonly viewers = computed(() => this.store.presence(this.id()));

  constructor() {
    effect(() => {
      const id = this.id();
      this.http.get<Alliance>(`/api/alliances/${encodeURIComponent(id)}`).subscribe({
        next: (alliance) => this.name.set(alliance.name),
        error: () => this.name.set(null),
      });
    });
  }
}
