import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, Observable, combineLatest, map, switchMap } from 'rxjs';

/** Translation key of the product name, shown after every page title. */
export const APP_NAME_KEY = 'app.name';

/**
 * Reads each route's `title` as a translation key and sets the document title to
 * "<page> · <product>", again whenever the language changes.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly pageKey = new BehaviorSubject<string | undefined>(undefined);

  constructor() {
    super();
    this.pageKey
      .pipe(
        switchMap((key) => this.documentTitle(key)),
        takeUntilDestroyed(),
      )
      .subscribe((text) => this.title.setTitle(text));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.next(this.buildTitle(snapshot));
  }

  private documentTitle(pageKey: string | undefined): Observable<string> {
    const appName = this.transloco.selectTranslate<string>(APP_NAME_KEY);
    if (!pageKey) {
      return appName;
    }
    return combineLatest([this.transloco.selectTranslate<string>(pageKey), appName]).pipe(map(([page, app]) => `${page} · ${app}`));
  }
}
