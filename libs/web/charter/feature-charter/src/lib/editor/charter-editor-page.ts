import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CharterApi, CharterConnection, colourFor } from '@alliances/web/charter/data-access';
import { AuthStore, errorMessageKey } from '@alliances/web/identity/data-access';
import { Notice, confirmAction } from '@alliances/web/ui';
import type { ProposeVersionResponse } from '@alliances/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { SectionEditor } from './section-editor';

/** The live charter: nine sections edited together, who is here, and the proposal for signature. */
@Component({
  selector: 'all-charter-editor-page',
  imports: [MatButton, RouterLink, TranslocoPipe, Notice, SectionEditor],
  providers: [CharterConnection],
  templateUrl: './charter-editor-page.html',
  styleUrl: './charter-editor-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CharterEditorPage {
  private readonly api = inject(CharterApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  protected readonly connection = inject(CharterConnection);

  /** Route parameter: the alliance. */
  readonly id = input.required<string>();

  protected readonly charter = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.charter(params) });
  protected readonly alliance = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.alliance(params) });
  protected readonly canWrite = computed(() => (this.alliance.value()?.can.writeCharter ?? false) && !this.connection.readOnly());
  protected readonly me = computed(() => {
    const user = this.auth.user();
    return user ? { name: user.displayName, color: colourFor(user.id) } : { name: '', color: '#1d4ed8' };
  });
  protected readonly proposing = signal(false);
  protected readonly proposed = signal<ProposeVersionResponse | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const user = this.auth.user();
      if (user) this.connection.connect(this.id(), { id: user.id, name: user.displayName });
    });
  }

  protected initials(name: string): string {
    return name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase())
      .join('');
  }

  protected async propose(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'charter.editor.proposeTitle',
      message: 'charter.editor.proposeText',
      confirm: 'charter.editor.proposeConfirm',
    });
    if (!confirmed) return;
    this.proposing.set(true);
    this.error.set(null);
    try {
      this.proposed.set(await firstValueFrom(this.api.propose(this.id())));
      this.charter.reload();
    } catch (error) {
      this.error.set(errorMessageKey(error));
    } finally {
      this.proposing.set(false);
    }
  }
}
