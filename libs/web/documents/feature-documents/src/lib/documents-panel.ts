import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import {
  DOCUMENT_VISIBILITIES,
  type AllianceDocument,
  type DocumentDetail,
  type DocumentTarget,
  type DocumentTargetType,
  type DocumentVisibility,
} from '@alliances/shared/contracts';
import { LocalDatePipe, errorMessageKey } from '@alliances/web/core';
import { DocumentsApi } from '@alliances/web/documents/data-access';
import { Notice, confirmAction, saveBlob } from '@alliances/web/ui';
import type { HttpEvent } from '@angular/common/http';
import type { Observable } from 'rxjs';

/** The Material icon and the words for a stored content type. */
export function documentKind(contentType: string): { icon: string; kind: string } {
  if (contentType === 'application/pdf') return { icon: 'picture_as_pdf', kind: 'pdf' };
  if (contentType.startsWith('image/')) return { icon: 'image', kind: 'image' };
  if (/spreadsheet|text\/csv/.test(contentType)) return { icon: 'table_chart', kind: 'spreadsheet' };
  if (/presentation/.test(contentType)) return { icon: 'slideshow', kind: 'presentation' };
  if (/wordprocessing|opendocument\.text/.test(contentType)) return { icon: 'description', kind: 'document' };
  if (contentType.startsWith('text/')) return { icon: 'article', kind: 'text' };
  return { icon: 'insert_drive_file', kind: 'other' };
}

/** 1 234 567 bytes → "1,2 Mo" / "1.2 MB", in the page's language. */
export function fileSize(bytes: number, lang: string): string {
  const units = lang === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}

/**
 * The documents of an alliance, or of one object of it (a grant report): list with download, upload
 * with a determinate progress bar and the visibility chosen in words, new version, delete after a
 * confirmation. Errors (too large, wrong type) in the catalogue's words.
 */
@Component({
  selector: 'all-documents-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButton,
    MatIconButton,
    MatFormField,
    MatHint,
    MatIcon,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    TranslocoPipe,
    LocalDatePipe,
    Notice,
  ],
  template: `
    <section class="documents" [attr.aria-labelledby]="headingId()" data-testid="documents-panel">
      <h2 [id]="headingId()" class="heading">{{ heading() ?? (target() ? 'documents.reportTitle' : 'documents.title') | transloco }}</h2>
      @if (error(); as e) {
        <all-notice kind="error" data-testid="documents-error">{{ e | transloco }}</all-notice>
      }
      @if (message(); as m) {
        <all-notice kind="success" data-testid="documents-message">{{ m.key | transloco: m.params }}</all-notice>
      }

      @if (documents().length) {
        <table class="list" data-testid="documents-list">
          <thead>
            <tr>
              <th scope="col">{{ 'documents.columns.name' | transloco }}</th>
              <th scope="col">{{ 'documents.columns.size' | transloco }}</th>
              <th scope="col">{{ 'documents.columns.organisation' | transloco }}</th>
              <th scope="col">{{ 'documents.columns.version' | transloco }}</th>
              <th scope="col">{{ 'documents.columns.visibility' | transloco }}</th>
              <th scope="col">{{ 'documents.columns.date' | transloco }}</th>
              <th scope="col">{{ 'documents.columns.actions' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (d of documents(); track d.id) {
              @let k = kindOf(d);
              <tr data-testid="document-row" [attr.data-name]="d.name">
                <td>
                  <mat-icon aria-hidden="true" class="type">{{ k.icon }}</mat-icon>
                  <span class="visually-hidden">{{ 'documents.types.' + k.kind | transloco }} : </span>
                  <span data-testid="document-name">{{ d.name }}</span>
                </td>
                <td>{{ size(d.size) }}</td>
                <td>{{ d.organisationName }}</td>
                <td data-testid="document-version">{{ 'documents.versionN' | transloco: { version: d.version } }}</td>
                <td>{{ 'documents.visibilities.' + d.visibility | transloco }}</td>
                <td>{{ d.updatedAt | localDate }}</td>
                <td class="actions">
                  <button
                    mat-icon-button
                    type="button"
                    (click)="download(d)"
                    [attr.aria-label]="'documents.downloadOf' | transloco: { name: d.name }"
                    data-testid="document-download"
                  >
                    <mat-icon aria-hidden="true">download</mat-icon>
                  </button>
                  @if (d.canAddVersion) {
                    <button
                      mat-icon-button
                      type="button"
                      (click)="versionInput.click()"
                      [disabled]="busy()"
                      [attr.aria-label]="'documents.newVersionOf' | transloco: { name: d.name }"
                      data-testid="document-new-version"
                    >
                      <mat-icon aria-hidden="true">upload_file</mat-icon>
                    </button>
                    <input
                      #versionInput
                      type="file"
                      class="visually-hidden"
                      tabindex="-1"
                      aria-hidden="true"
                      (change)="sendVersion(d, versionInput)"
                    />
                  }
                  @if (d.canDelete) {
                    <button
                      mat-icon-button
                      type="button"
                      (click)="remove(d)"
                      [disabled]="busy()"
                      [attr.aria-label]="'documents.deleteOf' | transloco: { name: d.name }"
                      data-testid="document-delete"
                    >
                      <mat-icon aria-hidden="true">delete</mat-icon>
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else if (loaded()) {
        <p class="muted" data-testid="documents-empty">{{ 'documents.empty' | transloco }}</p>
      }

      @if (canUpload()) {
        <form class="upload" (ngSubmit)="send()" data-testid="document-upload-form">
          <div
            class="drop"
            [class.over]="dragOver()"
            (dragover)="$event.preventDefault(); dragOver.set(true)"
            (dragleave)="dragOver.set(false)"
            (drop)="dropped($event)"
          >
            <label class="file-label" [for]="fileId()">{{ 'documents.file' | transloco }}</label>
            <input [id]="fileId()" type="file" (change)="chosen(fileInput)" #fileInput data-testid="document-file" />
            <span class="muted">{{ 'documents.dropHint' | transloco }} — {{ 'documents.limit' | transloco }}</span>
          </div>
          <mat-form-field>
            <mat-label>{{ 'documents.visibility' | transloco }}</mat-label>
            <mat-select [(ngModel)]="visibility" name="visibility" data-testid="document-visibility">
              @for (v of visibilities; track v) {
                <mat-option [value]="v">{{ 'documents.visibilities.' + v | transloco }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'documents.visibilityHelp.' + visibility() | transloco }}</mat-hint>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="!file() || busy()" data-testid="document-send">
            {{ 'documents.send' | transloco }}
          </button>
        </form>
      }
      @if (progress() !== null) {
        <div class="progress" data-testid="document-progress">
          <mat-progress-bar
            mode="determinate"
            [value]="progress()"
            [attr.aria-label]="'documents.progress' | transloco: { percent: progress() }"
          ></mat-progress-bar>
          <span aria-live="polite">{{ 'documents.progress' | transloco: { percent: progress() } }}</span>
        </div>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .heading {
      font-size: 1.15rem;
      margin: 0 0 0.5rem;
    }
    .list {
      width: 100%;
      border-collapse: collapse;
      margin-bottom: 1rem;
    }
    .list th,
    .list td {
      text-align: left;
      padding: 0.35rem 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: middle;
    }
    .type {
      vertical-align: middle;
      margin-right: 0.35rem;
    }
    .actions {
      white-space: nowrap;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .upload {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: flex-start;
    }
    .drop {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      padding: 0.75rem;
      border: 2px dashed var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .drop.over {
      border-color: var(--mat-sys-primary);
    }
    .progress {
      margin-top: 0.5rem;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class DocumentsPanel {
  private readonly api = inject(DocumentsApi);
  private readonly dialog = inject(MatDialog);
  private static next = 0;
  private readonly uid = DocumentsPanel.next++;

  readonly allianceId = input.required<string>();
  /** Documents of one object (a grant report); the alliance's own documents when absent. */
  readonly targetType = input<DocumentTargetType | undefined>(undefined);
  readonly targetId = input<string | undefined>(undefined);
  protected readonly target = computed<DocumentTarget | undefined>(
    () => {
      const type = this.targetType();
      const id = this.targetId();
      return type && id ? { type, id } : undefined;
    },
    { equal: (a, b) => a?.type === b?.type && a?.id === b?.id },
  );
  readonly canUpload = input(true);
  /** The panel's heading (a translation key); by default the alliance's documents or a report's attachments. */
  readonly heading = input<string | undefined>(undefined);
  readonly defaultVisibility = input<DocumentVisibility>('alliance');

  protected readonly visibilities = DOCUMENT_VISIBILITIES;
  protected readonly documents = signal<AllianceDocument[]>([]);
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<{ key: string; params?: Record<string, unknown> } | null>(null);
  protected readonly progress = signal<number | null>(null);
  protected readonly busy = computed(() => this.progress() !== null);
  protected readonly file = signal<File | null>(null);
  protected readonly dragOver = signal(false);
  protected readonly visibility = signal<DocumentVisibility>('alliance');
  protected readonly headingId = computed(() => `documents-heading-${this.uid}`);
  protected readonly fileId = computed(() => `documents-file-${this.uid}`);
  private lang = document.documentElement.lang || 'fr';

  constructor() {
    effect(() => this.visibility.set(this.defaultVisibility()));
    effect(() => {
      const allianceId = this.allianceId();
      const target = this.target();
      void this.load(allianceId, target);
    });
  }

  protected kindOf(d: AllianceDocument) {
    return documentKind(d.contentType);
  }

  protected size(bytes: number): string {
    return fileSize(bytes, this.lang);
  }

  private async load(allianceId: string, target?: DocumentTarget): Promise<void> {
    try {
      this.documents.set(await firstValueFrom(this.api.list(allianceId, target)));
      this.error.set(null);
    } catch {
      this.error.set('documents.error');
    }
    this.loaded.set(true);
  }

  protected chosen(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragOver.set(false);
    const file = event.dataTransfer?.files?.[0];
    if (file) this.file.set(file);
  }

  protected async send(): Promise<void> {
    const file = this.file();
    if (!file) return;
    const done = await this.track(this.api.upload(this.allianceId(), file, this.visibility(), this.target()));
    if (done) {
      this.file.set(null);
      this.message.set({ key: 'documents.uploaded', params: { name: done.name } });
    }
  }

  protected async sendVersion(d: AllianceDocument, input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const done = await this.track(this.api.addVersion(d.id, file));
    if (done) this.message.set({ key: 'documents.uploaded', params: { name: done.name } });
  }

  /** Follows an upload's events into the progress bar; reloads the list once the API answered. */
  private async track(events: Observable<HttpEvent<DocumentDetail>>): Promise<DocumentDetail | null> {
    this.error.set(null);
    this.message.set(null);
    this.progress.set(0);
    let result: DocumentDetail | null = null;
    try {
      await new Promise<void>((resolve, reject) =>
        events.subscribe({
          next: (event) => {
            if (event.type === HttpEventType.UploadProgress && event.total)
              this.progress.set(Math.round((100 * event.loaded) / event.total));
            if (event.type === HttpEventType.Response) result = event.body;
          },
          error: reject,
          complete: resolve,
        }),
      );
      await this.load(this.allianceId(), this.target());
    } catch (error) {
      this.error.set(errorMessageKey(error));
    } finally {
      this.progress.set(null);
    }
    return result;
  }

  protected async download(d: AllianceDocument): Promise<void> {
    try {
      const blob = await firstValueFrom(this.api.content(d.id));
      saveBlob(document, blob, d.name);
    } catch (error) {
      this.error.set(errorMessageKey(error));
    }
  }

  protected async remove(d: AllianceDocument): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'documents.deleteOf',
      message: 'documents.confirmDelete',
      confirm: 'documents.delete',
      params: { name: d.name },
      destructive: true,
    });
    if (!confirmed) return;
    try {
      await firstValueFrom(this.api.remove(d.id));
      this.message.set({ key: 'documents.deleted' });
      await this.load(this.allianceId(), this.target());
    } catch (error) {
      this.error.set(errorMessageKey(error));
    }
  }
}
