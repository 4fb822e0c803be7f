import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DocumentsPanel } from './documents-panel';

/** `/alliances/:id/documents`: the alliance's documents. */
@Component({
  selector: 'all-documents-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DocumentsPanel],
  template: `<main class="page"><all-documents-panel [allianceId]="id()" /></main>`,
  styles: `
    .page {
      max-width: 72rem;
      margin: 0 auto;
      padding: 1.5rem 1rem;
    }
  `,
})
export class DocumentsPage {
  /** The alliance id, from the route (component input binding). */
  readonly id = input.required<string>();
}
