import { Injectable } from '@nestjs/common';
import type { Territory } from '@alliances/shared/contracts';
import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

interface Row {
  code: string;
  nom: string;
  type?: string;
  departement?: string;
  region?: string;
}

/** Where a territory lies: its département and région (`R84`), null above its own level. */
export interface TerritoryPlacement {
  territory: Territory;
  departementCode: string | null;
  regionCode: string | null;
}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .trim();

/**
 * Official French territories (INSEE codes) from @etalab/decoupage-administratif: communes
 * (`75056`, `2A004`), départements (`75`, `2A`, `971`) and régions written `R` + code (`R84`), as the
 * bare région codes collide with département codes.
 */
@Injectable()
export class TerritoriesService {
  // Loaded once per process and shared by every instance (the provider and the DTOs' validator).
  private static index: Map<string, Territory> | undefined;
  private static readonly placements = new Map<string, { departementCode: string | null; regionCode: string | null }>();
  private static readonly searchable: { folded: string; territory: Territory; population: number }[] = [];

  private load(): Map<string, Territory> {
    if (TerritoriesService.index) return TerritoriesService.index;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const communes = require('@etalab/decoupage-administratif/data/communes.json') as (Row & { population?: number })[];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const departements = require('@etalab/decoupage-administratif/data/departements.json') as Row[];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const regions = require('@etalab/decoupage-administratif/data/regions.json') as Row[];
    const index = new Map<string, Territory>();
    const region = (code: string | undefined) => (code ? `R${code}` : null);
    for (const r of regions) {
      this.add(index, { code: `R${r.code}`, name: r.nom, kind: 'region' }, 10_000_000);
      TerritoriesService.placements.set(`R${r.code}`, { departementCode: null, regionCode: `R${r.code}` });
    }
    for (const d of departements) {
      this.add(index, { code: d.code, name: d.nom, kind: 'departement' }, 1_000_000);
      TerritoriesService.placements.set(d.code, { departementCode: d.code, regionCode: region(d.region) });
    }
    for (const c of communes) {
      if (c.type !== 'commune-actuelle') continue;
      this.add(index, { code: c.code, name: `${c.nom} (${c.departement ?? ''})`, kind: 'commune' }, c.population ?? 0);
      TerritoriesService.placements.set(c.code, { departementCode: c.departement ?? null, regionCode: region(c.region) });
    }
    TerritoriesService.searchable.sort((a, b) => b.population - a.population);
    TerritoriesService.index = index;
    return index;
  }

  private add(index: Map<string, Territory>, territory: Territory, population: number): void {
    index.set(territory.code, territory);
    TerritoriesService.searchable.push({ folded: fold(territory.name), territory, population });
  }

  find(code: string | null | undefined): Territory | undefined {
    if (!code) return undefined;
    return this.load().get(code.trim().toUpperCase());
  }

  /** The territory with its département and région, for the directory's filters; undefined for an unknown code. */
  locate(code: string | null | undefined): TerritoryPlacement | undefined {
    const territory = this.find(code);
    const placement = territory && TerritoriesService.placements.get(territory.code);
    return territory && placement ? { territory, ...placement } : undefined;
  }

  isValid(code: string): boolean {
    return !!this.find(code);
  }

  /** Whether the territory `code` (commune, département or région) lies inside `area` (a département or a région), or is it. */
  isWithin(code: string | null | undefined, area: string): boolean {
    const inner = this.locate(code);
    const outer = this.find(area);
    if (!inner || !outer) return false;
    return inner.territory.code === outer.code || inner.departementCode === outer.code || inner.regionCode === outer.code;
  }

  /** `area` (a département or a région) and every territory code inside it: its départements and their communes. */
  codesWithin(area: string): string[] {
    const outer = this.find(area);
    if (!outer) return [];
    const inside = [...TerritoriesService.placements.entries()].filter(
      ([code, p]) => code !== outer.code && (p.departementCode === outer.code || p.regionCode === outer.code),
    );
    return [outer.code, ...inside.map(([code]) => code)];
  }

  /** Name or code search for autocompletion; larger places first. */
  search(query: string, limit = 10): Territory[] {
    this.load();
    const q = fold(query);
    if (!q) return [];
    const byCode = this.find(query);
    const matches = TerritoriesService.searchable
      .filter((s) => s.folded.startsWith(q) || s.folded.includes(` ${q}`))
      .slice(0, limit)
      .map((s) => s.territory);
    return byCode ? [byCode, ...matches.filter((m) => m.code !== byCode.code)].slice(0, limit) : matches;
  }
}

/** A known INSEE territory code (commune, département, région `R…`), for DTOs: null and undefined pass (optional fields). */
export function IsTerritoryCode(options?: ValidationOptions): PropertyDecorator {
  const territories = new TerritoriesService();
  return ValidateBy(
    {
      name: 'invalidTerritory',
      validator: {
        validate: (value: unknown) => value == null || (typeof value === 'string' && territories.isValid(value)),
        defaultMessage: buildMessage((each) => `${each}$property must be a known INSEE commune, département or région code`, options),
      },
    },
    options,
  );
}
