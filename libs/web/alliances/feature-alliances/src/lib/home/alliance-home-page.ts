import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ValidationErrors, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger, MatOption } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AlliancesApi } from '@alliances/web/alliances/data-access';
import { LocalDatePipe, apiErrorCode } from '@alliances/web/core';
import { AuthStore } from '@alliances/web/identity/data-access';
import { Notice, confirmAction } from '@alliances/web/ui';
import {
  DOMAINS,
  MAGIC_SQUARE,
  type Alliance,
  type AllianceMember,
  type InviteOrganisationRequest,
  type OrganisationDirectoryEntry,
  type PartnerObjective,
  type UpdateAllianceRequest,
} from '@alliances/shared/contracts';
import { catchError, debounceTime, distinctUntilChanged, firstValueFrom, map, of, switchMap } from 'rxjs';
import { AllianceJournal } from '../journal/alliance-journal';
import { allianceErrorKey } from '../shared/alliance-errors';
import { AllianceStatusChip } from '../shared/alliance-status';
import { CloseAllianceDialog, HandOverDialog } from './alliance-changes-dialogs';
import { EditAllianceDialog } from './edit-alliance-dialog';
import { ExternalInvitations } from './external-invitations';
import { PartnerObjectiveDialog, type PartnerObjectiveDialogData } from './partner-objective-dialog';

type Message = { kind: 'success' | 'error' | 'info'; key: string; params?: Record<string, unknown> };

/** Typed text is only a search: the organisation must be picked from the directory's suggestions. */
const chosenFromList = (control: AbstractControl): ValidationErrors | null =>
  typeof control.value === 'string' && control.value.trim() ? { notChosen: true } : null;

const CONTRIBUTION_KINDS = ['human', 'financial', 'material', 'skills'] as const;
const INVITE_ROLES: InviteOrganisationRequest['role'][] = ['partner', 'funder', 'observer'];

/** The alliance home: who is in it, what each partner seeks and brings, and the ways into its workspaces. */
@Component({
  selector: 'all-alliance-home-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    Notice,
    AllianceStatusChip,
    LocalDatePipe,
    MatButton,
    MatCard,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatAutocomplete,
    MatAutocompleteTrigger,
    ExternalInvitations,
    AllianceJournal,
  ],
  templateUrl: './alliance-home-page.html',
  styleUrl: './alliance-home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AllianceHomePage {
  private readonly api = inject(AlliancesApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  /** The alliance id, from the route. */
  readonly id = input.required<string>();

  protected readonly alliance = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly message = signal<Message | null>(null);
  protected readonly busy = signal(false);
  protected readonly allianceErrorKey = allianceErrorKey;
  protected readonly squareKeys = MAGIC_SQUARE;
  protected readonly contributionKinds = CONTRIBUTION_KINDS;
  protected readonly inviteRoles = INVITE_ROLES;

  /** Partners shown in the mutual-benefit view: everyone invited or in (not who declined, left or was removed). */
  protected readonly partners = computed(() =>
    this.alliance.hasValue() ? this.alliance.value().members.filter((m) => m.status === 'active' || m.status === 'invited') : [],
  );
  /** The members table has an actions column when the caller may take an organisation out (theirs, or any as the lead). */
  protected readonly memberActions = computed(
    () => this.alliance.hasValue() && (this.alliance.value().can.edit || (this.alliance.value().canLeaveFor ?? []).length > 0),
  );
  private readonly myActiveOrganisations = computed(
    () =>
      new Set(
        this.alliance.hasValue()
          ? this.alliance
              .value()
              .myRoles.filter((r) => r.status === 'active')
              .map((r) => r.organisationId)
          : [],
      ),
  );
  /** The caller acts in this alliance through at least one active organisation (not only invited). */
  protected readonly isMember = computed(() => this.myActiveOrganisations().size > 0);
  /** My organisations invited to this alliance, and whether I may answer for them (admins only). */
  protected readonly myInvitations = computed(() => {
    if (!this.alliance.hasValue()) return [];
    const memberships = new Map(this.auth.memberships().map((m) => [m.organisationId, m]));
    return this.alliance
      .value()
      .myRoles.filter((r) => r.status === 'invited')
      .map((r) => ({
        organisationId: r.organisationId,
        organisationName: memberships.get(r.organisationId)?.organisationName ?? '',
        role: r.role,
        canAnswer: memberships.get(r.organisationId)?.role === 'admin',
      }));
  });

  /** Bumped after each change, so the journal reads its first page again. */
  protected readonly journalRevision = signal(0);

  // Invite form (lead only).
  protected readonly invite = this.fb.group({
    organisation: new FormControl<OrganisationDirectoryEntry | string>('', {
      nonNullable: true,
      validators: [Validators.required, chosenFromList],
    }),
    role: this.fb.control<InviteOrganisationRequest['role']>('partner', Validators.required),
  });
  protected readonly directory = toSignal(
    this.invite.controls.organisation.valueChanges.pipe(
      map((value) => (typeof value === 'string' ? value.trim() : '')),
      debounceTime(250),
      distinctUntilChanged(),
      switchMap((q) => (q.length < 2 ? of(null) : this.api.directory(q).pipe(catchError(() => of([] as OrganisationDirectoryEntry[]))))),
    ),
    { initialValue: null },
  );
  protected readonly displayOrganisation = (value: OrganisationDirectoryEntry | string | null): string =>
    typeof value === 'string' ? value : (value?.name ?? '');

  protected canEditObjective(member: AllianceMember): boolean {
    return (
      member.status === 'active' && this.myActiveOrganisations().has(member.organisationId) && this.alliance.value()?.status !== 'closed'
    );
  }

  protected canLeave(member: AllianceMember): boolean {
    return member.status === 'active' && (this.alliance.value()?.canLeaveFor ?? []).includes(member.organisationId);
  }

  protected canRemove(member: AllianceMember): boolean {
    return (
      !!this.alliance.value()?.can.edit &&
      member.role !== 'lead' &&
      (member.status === 'active' || member.status === 'invited') &&
      !this.canLeave(member)
    );
  }

  protected isKnownDomain(key: string): boolean {
    return (DOMAINS as readonly string[]).includes(key);
  }

  protected hasContributions(objective: PartnerObjective): boolean {
    return CONTRIBUTION_KINDS.some((kind) => !!objective.contributions[kind]);
  }

  protected isDescribed(objective: PartnerObjective | null): objective is PartnerObjective {
    return !!objective && (objective.square.length > 0 || !!objective.expectations || this.hasContributions(objective));
  }

  async editObjective(member: AllianceMember): Promise<void> {
    const ref = this.dialog.open<PartnerObjectiveDialog, PartnerObjectiveDialogData, PartnerObjective>(PartnerObjectiveDialog, {
      data: { organisationName: member.organisationName, objective: member.objective, organisationId: member.organisationId },
      width: '40rem',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    });
    const objective = await firstValueFrom(ref.afterClosed());
    if (!objective) return;
    await this.run(this.api.setObjective(this.id(), member.organisationId, objective), {
      kind: 'success',
      key: 'alliances.home.objectiveSaved',
      params: { organisation: member.organisationName },
    });
  }

  async edit(): Promise<void> {
    const alliance = this.alliance.value();
    if (!alliance) return;
    const ref = this.dialog.open<EditAllianceDialog, Alliance, Omit<UpdateAllianceRequest, 'version'>>(EditAllianceDialog, {
      data: alliance,
      width: '36rem',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    });
    const changes = await firstValueFrom(ref.afterClosed());
    if (!changes) return;
    await this.run(this.api.update(alliance.id, { ...changes, version: alliance.version }), {
      kind: 'success',
      key: 'alliances.home.saved',
    });
  }

  /** "Clôturer l'alliance" with a final note: the alliance becomes read-only. */
  async close(): Promise<void> {
    const alliance = this.alliance.value();
    if (!alliance) return;
    const ref = this.dialog.open<CloseAllianceDialog, undefined, { closingNote: string }>(CloseAllianceDialog, {
      width: '36rem',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    });
    const answer = await firstValueFrom(ref.afterClosed());
    if (!answer) return;
    await this.run(
      this.api.update(alliance.id, {
        status: 'closed',
        ...(answer.closingNote ? { closingNote: answer.closingNote } : {}),
        version: alliance.version,
      }),
      { kind: 'success', key: 'alliances.changes.closed' },
    );
  }

  /** "Confier le rôle de pilote" to a partner that accepted; the lead's organisation stays as a partner. */
  async handOver(): Promise<void> {
    const alliance = this.alliance.value();
    if (!alliance) return;
    const ref = this.dialog.open<HandOverDialog, AllianceMember[], string>(HandOverDialog, {
      data: alliance.members,
      width: '32rem',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    });
    const organisationId = await firstValueFrom(ref.afterClosed());
    if (!organisationId) return;
    const organisation = alliance.members.find((m) => m.organisationId === organisationId)?.organisationName ?? '';
    await this.run(this.api.handOverLead(alliance.id, organisationId), {
      kind: 'success',
      key: 'alliances.changes.handedOver',
      params: { organisation },
    });
  }

  /** The organisation's admin takes it out of the alliance; without another organisation in it, back to the list. */
  async leave(member: AllianceMember): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'alliances.changes.leaveTitle',
      message: 'alliances.changes.leaveText',
      confirm: 'alliances.changes.leaveConfirm',
      params: { organisation: member.organisationName },
      destructive: true,
    });
    if (!confirmed) return;
    const stays = [...this.myActiveOrganisations()].some((id) => id !== member.organisationId);
    if (stays) {
      await this.run(this.api.removeMember(this.id(), member.organisationId).pipe(switchMap(() => this.api.get(this.id()))), {
        kind: 'success',
        key: 'alliances.changes.left',
        params: { organisation: member.organisationName },
      });
      return;
    }
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.removeMember(this.id(), member.organisationId));
      await this.router.navigate(['/alliances']);
    } catch (error) {
      this.message.set({ kind: 'error', key: allianceErrorKey(error) });
    } finally {
      this.busy.set(false);
    }
  }

  /** The lead removes an organisation (or withdraws its invitation); its seat stays in the table as history. */
  async remove(member: AllianceMember): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'alliances.changes.removeTitle',
      message: 'alliances.changes.removeText',
      confirm: 'alliances.changes.removeConfirm',
      params: { organisation: member.organisationName },
      destructive: true,
    });
    if (!confirmed) return;
    await this.run(this.api.removeMember(this.id(), member.organisationId).pipe(switchMap(() => this.api.get(this.id()))), {
      kind: 'success',
      key: 'alliances.changes.removed',
      params: { organisation: member.organisationName },
    });
  }

  async sendInvitation(): Promise<void> {
    const { organisation, role } = this.invite.getRawValue();
    if (this.invite.invalid || typeof organisation === 'string') {
      this.invite.markAllAsTouched();
      return;
    }
    const done = await this.run(this.api.invite(this.id(), { organisationId: organisation.id, role }), {
      kind: 'success',
      key: 'alliances.home.invited',
      params: { organisation: organisation.name },
    });
    if (done) this.invite.reset({ organisation: '', role: 'partner' });
  }

  async answer(organisationId: string, accept: boolean): Promise<void> {
    if (accept) {
      await this.run(this.api.respond(this.id(), organisationId, true), { kind: 'success', key: 'alliances.home.saved' });
      return;
    }
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.respond(this.id(), organisationId, false));
      // Having declined, the organisation no longer sees the alliance.
      await this.router.navigate(['/alliances']);
    } catch (error) {
      this.message.set({ kind: 'error', key: allianceErrorKey(error) });
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * Sends a change and shows the alliance the server answers with. A stale version means someone
   * changed the alliance meanwhile: say so and reload it, so the person redoes the change on fresh data.
   */
  private async run(request: ReturnType<AlliancesApi['get']>, success: Message): Promise<boolean> {
    this.busy.set(true);
    this.message.set(null);
    try {
      const alliance = await firstValueFrom(request);
      this.alliance.set(alliance);
      this.resetJournal();
      this.message.set(success);
      return true;
    } catch (error) {
      this.message.set({ kind: 'error', key: allianceErrorKey(error) });
      if (apiErrorCode(error) === 'alliance.stale_version') {
        this.alliance.reload();
        this.resetJournal();
      }
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private resetJournal(): void {
    this.journalRevision.update((n) => n + 1);
  }
}
