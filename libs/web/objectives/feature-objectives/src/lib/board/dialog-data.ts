import type { Objective } from '@alliances/shared/contracts';

export interface OrganisationOption {
  organisationId: string;
  organisationName: string;
}

export interface ObjectiveDialogData {
  allianceId: string;
}

/** For the indicator and milestone dialogs: the objective they belong to and the owner choices. */
export interface ChildDialogData {
  objective: Pick<Objective, 'id' | 'title'>;
  owners: OrganisationOption[];
}
