import { csvDocument } from '@alliances/api/core';
import {
  ALLIANCE_STATUSES,
  EVALUATION_DIMENSIONS,
  RESULT_FOCUS_KEYS,
  type ObservatoryGroup,
  type ObservatoryView,
} from '@alliances/shared/contracts';

export const OPEN_LICENCE = {
  name: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;

/** The observatory view as CSV: a licence comment line, then one row per group and the total (`all`), formula-safe cells. */
export function observatoryCsv(view: ObservatoryView): string {
  const header = [
    view.groupBy,
    'alliances',
    ...ALLIANCE_STATUSES.map((s) => `status_${s}`),
    'evaluated',
    ...EVALUATION_DIMENSIONS.map((d) => `mean_${d}`),
    ...RESULT_FOCUS_KEYS.map((k) => `mean_focus_${k}`),
    'objectives_total',
    'objectives_on_track',
    'objectives_at_risk',
    'objectives_off_track',
    'objectives_achieved',
  ];
  const row = (g: ObservatoryGroup) => [
    g.key,
    g.alliances,
    ...ALLIANCE_STATUSES.map((s) => g.statuses[s]),
    g.evaluated,
    ...EVALUATION_DIMENSIONS.map((d) => g.meanByDimension[d] ?? ''),
    ...RESULT_FOCUS_KEYS.map((k) => g.meanByFocus[k] ?? ''),
    g.objectives.total,
    g.objectives.on_track,
    g.objectives.at_risk,
    g.objectives.off_track,
    g.objectives.achieved,
  ];
  return csvDocument([
    [`# ${OPEN_LICENCE.name} — ${OPEN_LICENCE.url} — groups of at least ${view.minAlliances} alliances, computed ${view.computedAt}`],
    header,
    ...view.groups.map(row),
    ...(view.total ? [row(view.total)] : []),
  ]);
}
