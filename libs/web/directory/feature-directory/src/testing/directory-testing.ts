import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ANIMATION_MODULE_TYPE, EnvironmentProviders, Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';
import { translocoTesting } from '@alliances/web/core/testing';
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
