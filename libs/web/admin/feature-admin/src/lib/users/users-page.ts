import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, type UsersPage as Page } from '@alliances/web/admin/data-access';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { AuthStore } from '@alliances/web/identity/data-access';
import { Notice, confirmAction } from '@alliances/web/ui';
import type { AdminUser } from '@alliances/shared/contracts';
import { debounceTime, distinctUntilChanged, firstValueFrom } from 'rxjs';

interface Feedback {
  kind: 'success' | 'error';
  key: string;
  params?: Record<string, string>;
}

/** Everyone with an account: search by name or e-mail, disable an account (which signs the person out at once) or enable it again. */
@Component({
  selector: 'all-admin-users-page',
  imports: [ReactiveFormsModule, RouterLink, MatButton, MatFormField, MatLabel, MatHint, MatInput, TranslocoPipe, LocalDatePipe, Notice],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  protected readonly me = inject(AuthStore).user;

  /** The search, from the address (`?q=`), so it survives a reload and the back button. */
  readonly q = input<string | undefined>();

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly searchForm = new FormGroup({ search: this.search });
  protected readonly errorMessageKey = errorMessageKey;

  protected readonly firstPage = rxResource({ params: () => ({ q: this.q() ?? '' }), stream: ({ params }) => this.api.users(params.q) });
  /** The first page, then what "show more" appended; starts again with each search. */
  protected readonly list = linkedSignal<Page | undefined, Page | null>({
    source: () => (this.firstPage.hasValue() ? this.firstPage.value() : undefined),
    computation: (page) => page ?? null,
  });
  protected readonly loadingMore = signal(false);
  protected readonly busy = signal<string | null>(null);
  protected readonly feedback = signal<Feedback | null>(null);

  constructor() {
    effect(() => {
      const q = this.q() ?? '';
      if (this.search.value !== q) this.search.setValue(q, { emitEvent: false });
    });
    // Searching as one types, without a request per key stroke.
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((q) => this.applySearch(q));
  }

  protected applySearch(q: string = this.search.value): void {
    void this.router.navigate([], { queryParams: { q: q.trim() || null }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected async loadMore(): Promise<void> {
    const current = this.list();
    if (!current?.nextCursor) return;
    this.loadingMore.set(true);
    try {
      const page = await firstValueFrom(this.api.users(this.q(), current.nextCursor));
      this.list.set({ items: [...current.items, ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected isSelf(user: AdminUser): boolean {
    return user.id === this.me()?.id;
  }

  /** One button per person whose label follows the state, so keyboard focus stays on it after the change. */
  protected async toggle(user: AdminUser): Promise<void> {
    const disable = !user.disabled;
    const params = { name: user.displayName, email: user.email };
    const confirmed = await confirmAction(this.dialog, {
      title: disable ? 'admin.users.disableTitle' : 'admin.users.enableTitle',
      message: disable ? 'admin.users.disableMessage' : 'admin.users.enableMessage',
      confirm: disable ? 'admin.users.disableConfirm' : 'admin.users.enableConfirm',
      params,
      destructive: disable,
    });
    if (!confirmed) return;
    this.feedback.set(null);
    this.busy.set(user.id);
    try {
      await firstValueFrom(disable ? this.api.disable(user.id) : this.api.enable(user.id));
      this.list.update((page) => page && { ...page, items: page.items.map((u) => (u.id === user.id ? { ...u, disabled: disable } : u)) });
      this.feedback.set({ kind: 'success', key: disable ? 'admin.users.disabled' : 'admin.users.enabled', params });
    } catch (error) {
      this.feedback.set({ kind: 'error', key: errorMessageKey(error) });
    } finally {
      this.busy.set(null);
    }
  }
}
