import {
  DOCUMENT,
  DestroyRef,
  EnvironmentInjector,
  EnvironmentProviders,
  Injectable,
  afterNextRender,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { filter, skip } from 'rxjs';

/**
 * After each in-app navigation, moves keyboard and screen-reader focus to the new page's heading,
 * as a full page load would; otherwise focus stays on a link that is no longer there.
 */
@Injectable({ providedIn: 'root' })
export class NavigationFocus {
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(EnvironmentInjector);
  private readonly destroyRef = inject(DestroyRef);
  private started = false;

  start(): void {
    if (this.started) return;
    this.started = true;
    const subscription = this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        // The first page keeps the browser's own focus handling (and the skip link first).
        skip(1),
      )
      .subscribe(() => afterNextRender(() => this.focusHeading(), { injector: this.injector }));
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
  }

  focusHeading(): void {
    const target = this.document.querySelector<HTMLElement>('main h1') ?? this.document.querySelector<HTMLElement>('main');
    if (!target) return;
    if (!target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
  }
}

export function provideNavigationFocus(): EnvironmentProviders {
  return makeEnvironmentProviders([provideAppInitializer(() => inject(NavigationFocus).start())]);
}
