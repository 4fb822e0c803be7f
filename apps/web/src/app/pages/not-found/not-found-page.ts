import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'all-not-found-page',
  imports: [MatButton, RouterLink, TranslocoPipe],
  template: `
    <h1>{{ 'notFound.title' | transloco }}</h1>
    <p>{{ 'notFound.text' | transloco }}</p>
    <a matButton="filled" routerLink="/">{{ 'notFound.home' | transloco }}</a>
  `,
  styles: `
    h1 {
      margin: 0 0 1rem;
      font: var(--mat-sys-headline-large);
    }
    p {
      margin: 0 0 1.5rem;
      font: var(--mat-sys-body-large);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
