import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  resource,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AdminApi, type AuditFilters } from '@alliances/web/admin/data-access';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import type { AdminUser, AuditEntry, Page } from '@alliances/shared/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { KNOWN_ACTIONS, actionLabelKey, objectLabelKey } from './audit-actions';

/** The first day must not come after the last. */
const orderedDays = (group: AbstractControl): ValidationErrors | null => {
  const { from, to } = group.value as { from: string; to: string };
  return from && to && from > to ? { daysReversed: true } : null;
};

/** The person field briefly holds the picked person itself (the autocomplete's option value) before their name. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Query parameters of the page: shareable, and kept by the back button. */
interface AuditQueryParams {
  actorId: string | null;
  actor: string | null;
  action: string | null;
  organisationId: string | null;
  organisation: string | null;
  from: string | null;
  to: string | null;
}

/** Journal d'audit of the platform: who did what and when, filtered by person, action, organisation and dates. */
@Component({
  selector: 'all-admin-audit-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatOption,
    MatButton,
    MatIconButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  private readonly api = inject(AdminApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  readonly actorId = input<string | undefined>();
  /** The person's name, carried in the address so the filter reads well without another request. */
  readonly actor = input<string | undefined>();
  readonly action = input<string | undefined>();
  readonly organisationId = input<string | undefined>();
  readonly organisation = input<string | undefined>();
  readonly from = input<string | undefined>();
  readonly to = input<string | undefined>();

  protected readonly errorMessageKey = errorMessageKey;
  protected readonly actionLabelKey = actionLabelKey;
  protected readonly objectLabelKey = objectLabelKey;

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      /** What is typed in the person field; a pick from the suggestions sets `actorId`. */
      actorText: [''],
      actorId: [''],
      action: [''],
      from: [''],
      to: [''],
    },
    { validators: orderedDays },
  );

  /** People whose name or e-mail matches what is typed in the person field. */
  protected readonly actorOptions = toSignal(
    this.form.controls.actorText.valueChanges.pipe(
      debounceTime(250),
      map((text) => asText(text).trim()),
      distinctUntilChanged(),
      switchMap((text) =>
        text.length < 2
          ? of([])
          : this.api.users(text).pipe(
              map((page) => page.items.slice(0, 8)),
              catchError(() => of([])),
            ),
      ),
    ),
    { initialValue: [] as AdminUser[] },
  );
  private readonly actionText = toSignal(this.form.controls.action.valueChanges.pipe(startWith('')), { initialValue: '' });
  /** Known actions matching the typed text, by code or by label. */
  protected readonly actionOptions = computed(() => {
    const text = this.actionText().trim().toLowerCase();
    return KNOWN_ACTIONS.filter(
      (a) => !text || a.includes(text) || this.transloco.translate(`admin.audit.actions.${a}`).toLowerCase().includes(text),
    );
  });

  private readonly filters = computed<AuditFilters>(() => ({
    actorId: this.actorId() ?? null,
    action: this.action() ?? null,
    organisationId: this.organisationId() ?? null,
    from: this.from() ?? null,
    to: this.to() ?? null,
  }));
  private readonly firstPage = resource({ params: () => this.filters(), loader: ({ params }) => this.api.auditLog(params) });
  protected readonly log = linkedSignal<Page<AuditEntry> | undefined, Page<AuditEntry> | null>({
    source: () => (this.firstPage.hasValue() ? this.firstPage.value() : undefined),
    computation: (page) => page ?? null,
  });
  protected readonly error = computed(() => this.firstPage.error());
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<string | null>(null);
  protected readonly isFiltered = computed(() => Object.values(this.filters()).some(Boolean));

  constructor() {
    // The form shows the filters in force, including those that came with a link.
    effect(() => {
      this.form.setValue(
        {
          actorText: this.actor() ?? '',
          actorId: this.actorId() ?? '',
          action: this.action() ?? '',
          from: this.from() ?? '',
          to: this.to() ?? '',
        },
        { emitEvent: false },
      );
    });
    // Typing over a chosen person un-chooses them.
    this.form.controls.actorText.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.form.controls.actorId.setValue(''));
  }

  /** A name typed but not picked from the suggestions cannot filter anything. */
  protected actorNotChosen(): boolean {
    return !!asText(this.form.controls.actorText.value).trim() && !this.form.controls.actorId.value;
  }

  protected displayActor = (value: AdminUser | string | null): string => (typeof value === 'string' ? value : (value?.displayName ?? ''));

  protected pickActor(event: MatAutocompleteSelectedEvent): void {
    const user = event.option.value as AdminUser;
    this.form.controls.actorText.setValue(user.displayName);
    this.form.controls.actorId.setValue(user.id);
  }

  protected apply(): void {
    if (this.form.invalid || this.actorNotChosen()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.navigate({
      actorId: v.actorId || null,
      actor: v.actorId ? v.actorText.trim() : null,
      action: this.actionCode(v.action),
      organisationId: this.organisationId() ?? null,
      organisation: this.organisation() ?? null,
      from: v.from || null,
      to: v.to || null,
    });
  }

  /** A typed label that names exactly one known action filters on that action's code. */
  private actionCode(text: string): string | null {
    const typed = text.trim();
    if (!typed || typed.includes('.')) return typed || null;
    const matches = this.actionOptions();
    return matches.length === 1 ? matches[0] : typed;
  }

  protected clearOrganisation(): void {
    this.navigate({ ...this.current(), organisationId: null, organisation: null });
  }

  protected clearAll(): void {
    this.navigate({ actorId: null, actor: null, action: null, organisationId: null, organisation: null, from: null, to: null });
  }

  /** A person's name in the log filters the log on them. */
  protected actorParams(entry: AuditEntry): Partial<AuditQueryParams> {
    return { ...this.current(), actorId: entry.actorId, actor: entry.actorName };
  }

  protected details(entry: AuditEntry): string {
    return entry.details
      ? Object.entries(entry.details)
          .map(([k, v]) => `${k} : ${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join(' · ')
      : '';
  }

  protected async loadMore(): Promise<void> {
    const current = this.log();
    if (!current?.nextCursor) return;
    this.loadingMore.set(true);
    this.moreError.set(null);
    try {
      const page = await this.api.auditLog(this.filters(), current.nextCursor);
      this.log.set({ items: [...current.items, ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      this.moreError.set(errorMessageKey(error));
    } finally {
      this.loadingMore.set(false);
    }
  }

  private current(): AuditQueryParams {
    return {
      actorId: this.actorId() ?? null,
      actor: this.actor() ?? null,
      action: this.action() ?? null,
      organisationId: this.organisationId() ?? null,
      organisation: this.organisation() ?? null,
      from: this.from() ?? null,
      to: this.to() ?? null,
    };
  }

  private navigate(params: AuditQueryParams): void {
    void this.router.navigate([], { queryParams: params });
  }
}
