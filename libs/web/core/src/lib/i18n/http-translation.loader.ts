import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { Observable } from 'rxjs';

/**
 * Loads the dictionaries the web app serves from its public folder: `/i18n/<lang>.json`, and for a
 * feature's scope `/i18n/<scope>/<lang>.json` (Transloco asks for `<scope>/<lang>`).
 */
@Injectable()
export class HttpTranslationLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(lang: string): Observable<Translation> {
    return this.http.get<Translation>(`/i18n/${lang.split('/').map(encodeURIComponent).join('/')}.json`);
  }
}
