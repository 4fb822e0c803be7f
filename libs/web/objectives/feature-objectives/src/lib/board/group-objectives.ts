import { COLLECTIVE_OBJECTIVES, type CollectiveObjective, type Objective } from '@alliances/shared/contracts';

export interface ObjectiveGroup {
  collectiveObjective: CollectiveObjective;
  objectives: Objective[];
}

/**
 * The board's sections, in the fixed order of the four collective objectives: those the alliance
 * pursues (even if still empty) and any other that already holds an objective.
 */
export function groupObjectives(objectives: Objective[], pursued: readonly CollectiveObjective[]): ObjectiveGroup[] {
  return COLLECTIVE_OBJECTIVES.map((collectiveObjective) => ({
    collectiveObjective,
    objectives: objectives.filter((o) => o.collectiveObjective === collectiveObjective),
  })).filter((g) => g.objectives.length > 0 || pursued.includes(g.collectiveObjective));
}
