import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { ErrorStateMatcher, MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AllianceInvitationsApi, AuthStore, OrganisationsApi } from '@alliances/web/identity/data-access';
import { applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { Notice } from '@alliances/web/ui';
import {
  ORGANISATION_PROFILES,
  type ApplyOrganisationRequest,
  type OrganisationProfile,
  type Territory,
} from '@alliances/shared/contracts';
import { catchError, debounceTime, distinctUntilChanged, firstValueFrom, map, merge, of, tap } from 'rxjs';
import { IDENTIFIER_FIELDS, IdentifierField, identifierErrorKey, identifierValidator } from './identifier-validators';

const NAME_MIN = 2;
const NAME_MAX = 200;
const DESCRIPTION_MAX = 4000;

/** Text typed in the territory field but no territory picked from the list. */
function territoryChosen(control: AbstractControl<Territory | string | null>): ValidationErrors | null {
  const value = control.value;
  return typeof value === 'string' && value.trim() !== '' ? { territoryNotChosen: true } : null;
}

/** Identifier errors show as soon as the person types, not only after leaving the field. */
const LIVE: ErrorStateMatcher = {
  isErrorState: (control, form) => !!control?.invalid && (control.dirty || control.touched || !!form?.submitted),
};

/** An organisation applies to join the platform; a platform administrator reviews the application. */
@Component({
  selector: 'all-apply-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    TranslocoPipe,
    Notice,
  ],
  templateUrl: './apply-page.html',
  styleUrl: './apply-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplyPage {
  private readonly api = inject(OrganisationsApi);
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly allianceInvitations = inject(AllianceInvitationsApi);

  /** Query parameter: the alliance invitation this application answers (from the invitation mail, after sign-up). */
  readonly allianceInvitation = input<string>();

  protected readonly profiles = ORGANISATION_PROFILES;
  protected readonly live = LIVE;
  protected readonly limits = { nameMin: NAME_MIN, nameMax: NAME_MAX, descriptionMax: DESCRIPTION_MAX };

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.minLength(NAME_MIN), Validators.maxLength(NAME_MAX)]],
    profile: new FormControl<OrganisationProfile | null>(null, Validators.required),
    siren: ['', identifierValidator('siren')],
    siret: ['', identifierValidator('siret')],
    rna: ['', identifierValidator('rna')],
    territory: new FormControl<Territory | string | null>(null, territoryChosen),
    description: ['', Validators.maxLength(DESCRIPTION_MAX)],
  });

  protected readonly profile = toSignal(this.form.controls.profile.valueChanges, { initialValue: null });
  /** Which identifiers this profile must give, explained above the fields. */
  protected readonly identifierRuleKey = computed(() => {
    const profile = this.profile();
    return profile === 'association' || profile === 'company'
      ? `organisations.apply.identifiersRule.${profile}`
      : 'organisations.apply.identifiersRule.other';
  });

  private readonly territoryQuery = toSignal(
    this.form.controls.territory.valueChanges.pipe(
      map((value) => (typeof value === 'string' ? value.trim() : '')),
      debounceTime(250),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly territories = rxResource({
    params: () => (this.territoryQuery().length >= 2 ? this.territoryQuery() : undefined),
    stream: ({ params }) => this.api.territories(params),
  });
  protected readonly territoryOptions = computed(() => (this.territories.hasValue() ? this.territories.value() : []));

  /** The invitation pre-fills the organisation's name; once approved, the organisation joins the alliance. */
  protected readonly invitation = rxResource({
    params: () => this.allianceInvitation(),
    stream: ({ params }) =>
      this.allianceInvitations.preview(params).pipe(
        // A used, expired or unknown invitation: a plain application.
        map((preview) => (preview.status === 'valid' ? preview : null)),
        tap((preview) => {
          if (preview && !this.form.controls.name.value) this.form.controls.name.setValue(preview.organisationName);
        }),
        catchError(() => of(null)),
      ),
  });

  protected readonly pending = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  constructor() {
    // Each identifier's rule depends on the profile and on the other identifiers.
    const { profile, siren, siret, rna } = this.form.controls;
    merge(profile.valueChanges, siren.valueChanges, siret.valueChanges, rna.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        for (const field of IDENTIFIER_FIELDS) {
          this.form.controls[field].updateValueAndValidity({ emitEvent: false });
        }
      });
  }

  protected identifierError(field: IdentifierField): string | null {
    return identifierErrorKey(field, this.form.controls[field]);
  }

  protected readonly displayTerritory = (value: Territory | string | null): string => {
    if (!value) return '';
    return typeof value === 'string' ? value : `${value.name} · ${value.code}`;
  };

  protected async submit(): Promise<void> {
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalidField();
      return;
    }
    this.pending.set(true);
    try {
      const organisation = await firstValueFrom(this.api.apply(this.request()));
      // The applicant is now the organisation's admin: the menu and guards should know at once.
      await this.store.reloadMe().catch(() => undefined);
      await this.router.navigate(['/organisations', organisation.id]);
    } catch (error) {
      if (applyFieldErrors(this.form, error, { territoryCode: 'territory' })) {
        this.focusFirstInvalidField();
      } else {
        this.errorKey.set(errorMessageKey(error));
      }
    } finally {
      this.pending.set(false);
    }
  }

  private request(): ApplyOrganisationRequest {
    const value = this.form.getRawValue();
    const optional = (text: string) => (text.trim() ? text.trim() : undefined);
    return {
      name: value.name.trim(),
      profile: value.profile as OrganisationProfile,
      siren: optional(value.siren),
      siret: optional(value.siret),
      rna: optional(value.rna),
      territoryCode: value.territory && typeof value.territory !== 'string' ? value.territory.code : undefined,
      description: optional(value.description),
      ...(this.invitation.value() ? { allianceInvitationToken: this.allianceInvitation() } : {}),
    };
  }

  /** After a failed submit, keyboard and screen-reader users land on the first field to fix. */
  private focusFirstInvalidField(): void {
    afterNextRender(
      () => {
        const invalid = this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"], mat-select.ng-invalid');
        invalid?.focus();
      },
      { injector: this.injector },
    );
  }
}
