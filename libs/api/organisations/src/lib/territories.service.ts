import { Injectable } from '@nestjs/common';
import type { Territory } from '@alliances/shared/contracts';

interface Row {
  code: string;
  nom: string;
  type?: string;
  departement?: string;
  region?: string;
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
  private index: Map<string, Territory> | undefined;
  /** Each commune and département's enclosing département and région (`R` + code); built with the index. */
  private parents = new Map<string, { departementCode: string | null; regionCode: string }>();
  private searchable: { folded: string; territory: Territory; population: number }[] = [];

  private load(): Map<string, Territory> {
    if (this.index) return this.index;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const communes = require('@etalab/decoupage-administratif/data/communes.json') as (Row & { population?: number })[];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const departements = require('@etalab/decoupage-administratif/data/departements.json') as Row[];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const regions = require('@etalab/decoupage-administratif/data/regions.json') as Row[];
    const index = new Map<string, Territory>();
    for (const r of regions) this.add(index, { code: `R${r.code}`, name: r.nom, kind: 'region' }, 10_000_000);
    for (const d of departements) {
      this.add(index, { code: d.code, name: d.nom, kind: 'departement' }, 1_000_000);
      if (d.region) this.parents.set(d.code, { departementCode: d.code, regionCode: `R${d.region}` });
    }
    for (const c of communes) {
      if (c.type !== 'commune-actuelle') continue;
      if (c.region) this.parents.set(c.code, { departementCode: c.departement ?? null, regionCode: `R${c.region}` });
      this.add(index, { code: c.code, name: `${c.nom} (${c.departement ?? ''})`, kind: 'commune' }, c.population ?? 0);
    }
    this.searchable.sort((a, b) => b.population - a.population);
    this.index = index;
    return index;
  }

  private add(index: Map<string, Territory>, territory: Territory, population: number): void {
    index.set(territory.code, territory);
    this.searchable.push({ folded: fold(territory.name), territory, population });
  }

  find(code: string | null | undefined): Territory | undefined {
    if (!code) return undefined;
    return this.load().get(code.trim().toUpperCase());
  }

  isValid(code: string): boolean {
    return !!this.find(code);
  }

  /** Whether the territory `code` (commune, département or région) lies inside `area` (a département or a région), or is it. */
  isWithin(code: string | null | undefined, area: string): boolean {
    const territory = this.find(code);
    const outer = this.find(area);
    if (!territory || !outer) return false;
    if (territory.code === outer.code) return true;
    const parents = this.parents.get(territory.code);
    return !!parents && (parents.departementCode === outer.code || parents.regionCode === outer.code);
  }

  /** `area` (a département or a région) and every territory code inside it: its départements and their communes. */
  codesWithin(area: string): string[] {
    const outer = this.find(area);
    if (!outer) return [];
    return [
      outer.code,
      ...[...this.parents.entries()].filter(([code]) => code !== outer.code && this.isWithin(code, outer.code)).map(([code]) => code),
    ];
  }

  /** Name or code search for autocompletion; larger places first. */
  search(query: string, limit = 10): Territory[] {
    this.load();
    const q = fold(query);
    if (!q) return [];
    const byCode = this.find(query);
    const matches = this.searchable
      .filter((s) => s.folded.startsWith(q) || s.folded.includes(` ${q}`))
      .slice(0, limit)
      .map((s) => s.territory);
    return byCode ? [byCode, ...matches.filter((m) => m.code !== byCode.code)].slice(0, limit) : matches;
  }
}
