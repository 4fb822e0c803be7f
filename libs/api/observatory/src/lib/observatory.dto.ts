import {
  COLLECTIVE_OBJECTIVES,
  OBSERVATORY_GROUP_BYS,
  PARTNERSHIP_CATEGORIES,
  type ObservatoryGroupBy,
  type ObservatoryQuery,
  type ObservatoryScope,
  type PartnershipCategory,
  type SetObservatoryParticipationRequest,
} from '@alliances/shared/contracts';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';

export class SetParticipationDto implements SetObservatoryParticipationRequest {
  @IsBoolean() optIn!: boolean;
}

export class ObservatoryConsentDto {
  @IsUUID('all') organisationId!: string;
}

export class ObservatoryConsentParams {
  @IsUUID('all') id!: string;
  @IsUUID('all') organisationId!: string;
}

const SCOPES: readonly ObservatoryScope[] = ['platform', 'portfolio', 'territory'];

/** The open-data export: the platform scope only. */
export class PublicObservatoryQueryDto implements ObservatoryQuery {
  @IsOptional() @IsIn(OBSERVATORY_GROUP_BYS) groupBy?: ObservatoryGroupBy;
  /** INSEE région code (`84`, or `R84`). */
  @IsOptional() @Matches(/^R?\d{2}$/i) region?: string;
  @IsOptional() @Matches(/^[a-z][a-z0-9_]{1,39}$/) domain?: string;
  @IsOptional() @IsIn(PARTNERSHIP_CATEGORIES) category?: PartnershipCategory;
  @IsOptional() @IsIn(COLLECTIVE_OBJECTIVES) collectiveObjective?: string;
}

export class ObservatoryQueryDto extends PublicObservatoryQueryDto {
  @IsOptional() @IsIn(SCOPES) scope?: ObservatoryScope;
  /** The funder (portfolio) or catalyst (territory) organisation the caller is a member of. */
  @ValidateIf((q: ObservatoryQueryDto) => q.scope === 'portfolio' || q.scope === 'territory')
  @IsUUID('all')
  organisationId?: string;
}
