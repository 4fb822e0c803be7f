import type { DecisionCounts, DecisionRule, DecisionStatus } from '@alliances/shared/contracts';

/** The outcome at the close: consent adopts unless an organisation blocks; majority needs more than half of the lead and partner organisations. */
export function outcomeOf(rule: DecisionRule, counts: DecisionCounts): Exclude<DecisionStatus, 'open'> {
  if (rule === 'consent') return counts.block > 0 ? 'rejected' : 'adopted';
  return counts.agree * 2 > counts.organisations ? 'adopted' : 'rejected';
}

/** Counts the positions of the seated organisations only: one that left no longer weighs. */
export function countPositions(positions: { organisationId: string; position: string }[], seated: string[]): DecisionCounts {
  const counts: DecisionCounts = { agree: 0, abstain: 0, disagree: 0, block: 0, none: 0, organisations: seated.length };
  const given = new Map(positions.map((p) => [p.organisationId, p.position]));
  for (const organisationId of seated) {
    const position = given.get(organisationId) as keyof DecisionCounts | undefined;
    if (position) counts[position]++;
    else counts.none++;
  }
  return counts;
}
