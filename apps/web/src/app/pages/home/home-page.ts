import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'all-home-page',
  imports: [MatCard, MatCardHeader, MatCardTitle, MatCardContent, TranslocoPipe],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  /** The three things partners do together, each a key under `home.features`. */
  protected readonly features = ['charter', 'objectives', 'evaluation'] as const;
}
