import { Module } from '@nestjs/common';
import { GovernanceDashboardReader } from '@alliances/api/governance';
import { AlliancesDashboardReader } from '@alliances/api/alliances';
import { CharterDashboardReader } from '@alliances/api/charter';
import { EvaluationsDashboardReader } from '@alliances/api/evaluations';
import { FundingDashboardReader } from '@alliances/api/funding';
import { NotificationsReader } from '@alliances/api/notifications';
import { ObjectivesDashboardReader } from '@alliances/api/objectives';
import { OrganisationsDashboardReader, OrganisationsModule } from '@alliances/api/organisations';
import { ProposalsDashboardReader } from '@alliances/api/proposals';
import { WorkspaceController } from './workspace.controller';
import { WorkspaceService } from './workspace.service';

/**
 * The signed-in person's home page (issue 16): it owns no table and reads each domain through the small
 * dashboard reader that domain exports. Those readers need only the DataSource, so they are provided
 * here rather than by their domain's module.
 */
@Module({
  imports: [OrganisationsModule],
  controllers: [WorkspaceController],
  providers: [
    WorkspaceService,
    OrganisationsDashboardReader,
    AlliancesDashboardReader,
    CharterDashboardReader,
    ObjectivesDashboardReader,
    EvaluationsDashboardReader,
    GovernanceDashboardReader,
    FundingDashboardReader,
    ProposalsDashboardReader,
    NotificationsReader,
  ],
})
export class WorkspaceModule {}
