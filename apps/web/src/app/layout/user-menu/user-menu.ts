import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore } from '@alliances/web/identity/data-access';

/**
 * The signed-in person's name, opening their links and "sign out". A disclosure (button with
 * aria-expanded and a list of links), the pattern WAI-ARIA advises for site navigation; it also
 * keeps Material's menu and the CDK overlay out of the first download.
 */
@Component({
  selector: 'all-user-menu',
  imports: [MatButton, RouterLink, TranslocoPipe],
  templateUrl: './user-menu.html',
  styleUrl: './user-menu.scss',
  host: {
    '(document:click)': 'closeIfOutside($event.target)',
    '(focusout)': 'closeIfOutside($event.relatedTarget)',
    '(keydown.escape)': 'close(true)',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserMenu {
  private readonly store = inject(AuthStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly trigger = viewChild.required<MatButton, ElementRef<HTMLButtonElement>>('trigger', { read: ElementRef });

  readonly name = input.required<string>();
  readonly isPlatformAdmin = input(false);

  protected readonly open = signal(false);

  protected toggle(): void {
    this.open.update((open) => !open);
  }

  protected close(returnFocus = false): void {
    if (!this.open()) return;
    this.open.set(false);
    if (returnFocus) this.trigger().nativeElement.focus();
  }

  protected closeIfOutside(target: EventTarget | null): void {
    if (this.open() && !(target instanceof Node && this.host.nativeElement.contains(target))) {
      this.open.set(false);
    }
  }

  protected signOut(): void {
    this.open.set(false);
    void this.store.signOut();
  }
}
