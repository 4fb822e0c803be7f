import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE, ChangeDetectionStrategy, Component, EnvironmentProviders, Provider, Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { browserLanguage, translocoTesting } from '@alliances/web/core/testing';
import { FRANCE_MAP_LOADER } from '../lib/map/france-map';

/** The app's dictionaries with the alliances scope (domain and category names), French active. */
export const directoryTranslocoTesting = () => translocoTesting({ merge: ['alliances'] });

/** HTTP answered by HttpTestingController; the map's ECharts and outlines never load (jsdom has no canvas). */
export function directoryTestingProviders(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(),
    provideHttpClientTesting(),
    provideEchartsCore({ echarts: () => new Promise(() => undefined) }),
    { provide: FRANCE_MAP_LOADER, useValue: () => new Promise<void>(() => undefined) },
    { provide: ANIMATION_MODULE_TYPE, useValue: 'NoopAnimations' },
  ];
}

/** jsdom has no ResizeObserver; ngx-echarts watches the chart's size with one. */
export function stubResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe = jest.fn();
    unobserve = jest.fn();
    disconnect = jest.fn();
  };
}

@Component({ selector: 'all-blank', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

/** A French browser with one page at `path` (any other URL shows a blank page); returns the HTTP controller. */
export function configureDirectoryPage(path: string, component: Type<unknown>): HttpTestingController {
  localStorage.clear();
  browserLanguage('fr-FR');
  TestBed.configureTestingModule({
    imports: [directoryTranslocoTesting()],
    providers: [
      ...directoryTestingProviders(),
      provideRouter(
        [
          { path, component },
          { path: '**', component: Blank },
        ],
        withComponentInputBinding(),
      ),
    ],
  });
  return TestBed.inject(HttpTestingController);
}
