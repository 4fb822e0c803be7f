import { AllianceEntity, AllianceMemberEntity } from '@alliances/api/alliances';
import { CalendarTokenEntity } from '@alliances/api/calendar';
import { CharterSignatureEntity, CharterSnapshotEntity, CharterUpdateEntity, CharterVersionEntity } from '@alliances/api/charter';
import { AllianceSequenceEntity, CommentEntity, CommentEventEntity } from '@alliances/api/comments';
import { AuditEntryEntity } from '@alliances/api/core';
import { DiagnosticEntity } from '@alliances/api/diagnostics';
import { DocumentEntity, DocumentVersionEntity } from '@alliances/api/documents';
import { NotificationEntity } from '@alliances/api/notifications';
import {
  EvaluationActionEntity,
  EvaluationCampaignEntity,
  EvaluationParticipantEntity,
  EvaluationResponseEntity,
  EvaluationTemplateEntity,
  EvaluationTemplateQuestionEntity,
} from '@alliances/api/evaluations';
import { ContributionEntity, GrantEntity, GrantReportEntity, GrantTrancheEntity } from '@alliances/api/funding';
import { ActionEntity, DecisionEntity, DecisionPositionEntity } from '@alliances/api/governance';
import { CaseStudyConsentEntity, CaseStudyEntity } from '@alliances/api/library';
import { MEETING_ENTITIES } from '@alliances/api/meetings';
import { EvaluationScheduleEntity } from '@alliances/api/evaluations';
import { RefreshTokenEntity, UserEntity } from '@alliances/api/identity';
import { CheckInEntity, IndicatorEntity, MilestoneEntity, ObjectiveBenefitEntity, ObjectiveEntity } from '@alliances/api/objectives';
import { InvitationEntity, MembershipEntity, OrganisationEntity } from '@alliances/api/organisations';
import {
  AllianceExternalInvitationEntity,
  CatalystTerritoryEntity,
  OrganisationBlockEntity,
  ProposalEntity,
} from '@alliances/api/proposals';

/** Every entity of every domain, listed explicitly: the API is bundled, so globs would find nothing. */
export const entities = [
  AuditEntryEntity,
  UserEntity,
  RefreshTokenEntity,
  OrganisationEntity,
  MembershipEntity,
  InvitationEntity,
  AllianceEntity,
  AllianceMemberEntity,
  CharterUpdateEntity,
  CharterSnapshotEntity,
  CharterVersionEntity,
  CharterSignatureEntity,
  ObjectiveEntity,
  ObjectiveBenefitEntity,
  IndicatorEntity,
  CheckInEntity,
  MilestoneEntity,
  EvaluationTemplateEntity,
  EvaluationTemplateQuestionEntity,
  EvaluationCampaignEntity,
  EvaluationParticipantEntity,
  EvaluationResponseEntity,
  EvaluationActionEntity,
  CommentEntity,
  AllianceSequenceEntity,
  CommentEventEntity,
  NotificationEntity,
  GrantEntity,
  GrantTrancheEntity,
  GrantReportEntity,
  ContributionEntity,
  CaseStudyEntity,
  CaseStudyConsentEntity,
  ProposalEntity,
  OrganisationBlockEntity,
  CatalystTerritoryEntity,
  AllianceExternalInvitationEntity,
  DiagnosticEntity,
  CalendarTokenEntity,
  DecisionEntity,
  DecisionPositionEntity,
  ActionEntity,
  ...MEETING_ENTITIES,
  DocumentEntity,
  DocumentVersionEntity,
  EvaluationScheduleEntity,
];
