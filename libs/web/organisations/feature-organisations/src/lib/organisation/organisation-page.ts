import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect, MatSelectChange } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LocalDatePipe, apiErrorCode, applyFieldErrors, errorMessageKey } from '@alliances/web/core';
import { AuthStore, OrganisationsApi } from '@alliances/web/identity/data-access';
import { Notice, confirmAction } from '@alliances/web/ui';
import {
  IdentityErrorCode,
  ORGANISATION_ROLES,
  type Invitation,
  type OrganisationMember,
  type OrganisationRole,
} from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { OrganisationStatusChip } from '../shared/organisation-status';
import { TwoFactorRule } from './two-factor-rule';

interface Feedback {
  kind: 'success' | 'error';
  key: string;
  params?: Record<string, string>;
}

/** One organisation: its profile and application status, its members and their invitations. */
@Component({
  selector: 'all-organisation-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
    OrganisationStatusChip,
    RouterLink,
    TwoFactorRule,
  ],
  templateUrl: './organisation-page.html',
  styleUrl: './organisation-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationPage {
  private readonly api = inject(OrganisationsApi);
  private readonly store = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly roles = ORGANISATION_ROLES;
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly me = this.store.user;

  protected readonly organisation = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly members = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.members(params) });

  protected readonly myRole = computed<OrganisationRole | null>(() => {
    const userId = this.me()?.id;
    return this.members.hasValue() ? (this.members.value().find((m) => m.userId === userId)?.role ?? null) : null;
  });
  protected readonly isMember = computed(() => this.myRole() !== null);
  protected readonly isApproved = computed(() => this.organisation.hasValue() && this.organisation.value().status === 'approved');
  /** Roles, removals and invitations: admins of an approved organisation (the API's rule). */
  protected readonly canManage = computed(() => this.myRole() === 'admin' && this.isApproved());
  protected readonly isLastAdmin = computed(
    () => this.myRole() === 'admin' && this.members.hasValue() && this.members.value().filter((m) => m.role === 'admin').length === 1,
  );

  protected readonly invitations = rxResource({
    params: () => (this.canManage() ? this.id() : undefined),
    stream: ({ params }) => this.api.invitations(params),
  });

  protected readonly memberFeedback = signal<Feedback | null>(null);
  protected readonly inviteFeedback = signal<Feedback | null>(null);
  protected readonly inviting = signal(false);

  private readonly inviteDirective = viewChild(FormGroupDirective);
  protected readonly inviteForm = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    role: ['member' as OrganisationRole, Validators.required],
  });

  protected isSelf(member: OrganisationMember): boolean {
    return member.userId === this.me()?.id;
  }

  protected async changeRole(member: OrganisationMember, change: MatSelectChange<OrganisationRole>): Promise<void> {
    this.memberFeedback.set(null);
    try {
      const members = await firstValueFrom(this.api.changeRole(this.id(), member.userId, change.value));
      this.members.set(members);
      this.memberFeedback.set({
        kind: 'success',
        key: 'organisations.detail.members.roleChanged',
        params: { name: member.displayName, role: this.transloco.translate(`organisations.roles.${change.value}`) },
      });
      if (this.isSelf(member)) await this.store.reloadMe().catch(() => undefined);
    } catch (error) {
      change.source.value = member.role;
      this.memberFeedback.set({ kind: 'error', key: errorMessageKey(error) });
    }
  }

  protected async remove(member: OrganisationMember): Promise<void> {
    const organisation = this.organisation.value()?.name ?? '';
    const confirmed = await confirmAction(this.dialog, {
      title: 'organisations.detail.members.removeTitle',
      message: 'organisations.detail.members.removeText',
      confirm: 'organisations.detail.members.removeConfirm',
      params: { name: member.displayName, organisation },
      destructive: true,
    });
    if (!confirmed) return;
    this.memberFeedback.set(null);
    try {
      await firstValueFrom(this.api.removeMember(this.id(), member.userId));
      this.members.update((list) => list?.filter((m) => m.userId !== member.userId));
      this.memberFeedback.set({ kind: 'success', key: 'organisations.detail.members.removed', params: { name: member.displayName } });
    } catch (error) {
      this.memberFeedback.set({ kind: 'error', key: errorMessageKey(error) });
    }
  }

  protected async leave(): Promise<void> {
    const me = this.me();
    if (!me) return;
    const confirmed = await confirmAction(this.dialog, {
      title: 'organisations.detail.members.leaveTitle',
      message: 'organisations.detail.members.leaveText',
      confirm: 'organisations.detail.members.leaveConfirm',
      params: { organisation: this.organisation.value()?.name ?? '' },
      destructive: true,
    });
    if (!confirmed) return;
    this.memberFeedback.set(null);
    try {
      await firstValueFrom(this.api.removeMember(this.id(), me.id));
      await this.store.reloadMe().catch(() => undefined);
      await this.router.navigateByUrl('/organisations');
    } catch (error) {
      this.memberFeedback.set({ kind: 'error', key: errorMessageKey(error) });
    }
  }

  protected async invite(): Promise<void> {
    this.inviteFeedback.set(null);
    if (this.inviteForm.invalid) {
      this.inviteForm.markAllAsTouched();
      return;
    }
    this.inviting.set(true);
    const request = this.inviteForm.getRawValue();
    try {
      await firstValueFrom(this.api.invite(this.id(), request));
      this.inviteDirective()?.resetForm({ email: '', role: 'member' });
      this.inviteFeedback.set({ kind: 'success', key: 'organisations.detail.invite.sent', params: { email: request.email } });
      this.invitations.reload();
    } catch (error) {
      if (apiErrorCode(error) === IdentityErrorCode.AlreadyMember) {
        this.inviteForm.controls.email.setErrors({ alreadyMember: true });
      } else if (!applyFieldErrors(this.inviteForm, error)) {
        this.inviteFeedback.set({ kind: 'error', key: errorMessageKey(error) });
      }
    } finally {
      this.inviting.set(false);
    }
  }

  protected async revoke(invitation: Invitation): Promise<void> {
    this.inviteFeedback.set(null);
    try {
      await firstValueFrom(this.api.revokeInvitation(this.id(), invitation.id));
      this.invitations.update((list) => list?.filter((i) => i.id !== invitation.id));
      this.inviteFeedback.set({ kind: 'success', key: 'organisations.detail.invitations.revoked', params: { email: invitation.email } });
    } catch (error) {
      this.inviteFeedback.set({ kind: 'error', key: errorMessageKey(error) });
    }
  }
}
