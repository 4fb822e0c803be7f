import { CoreModule, type AppConfig } from '@alliances/api/core';
import { AdminModule } from '@alliances/api/admin';
import { AlliancesModule } from '@alliances/api/alliances';
import { CalendarModule } from '@alliances/api/calendar';
import { CharterModule } from '@alliances/api/charter';
import { CommentsModule } from '@alliances/api/comments';
import { DiagnosticsModule } from '@alliances/api/diagnostics';
import { DocumentsAccountFiles, DocumentsModule } from '@alliances/api/documents';
import { EvaluationsModule } from '@alliances/api/evaluations';
import { FundingModule } from '@alliances/api/funding';
import { GovernanceModule } from '@alliances/api/governance';
import { AccountModule, IdentityModule } from '@alliances/api/identity';
import { LibraryModule } from '@alliances/api/library';
import { MeetingsModule } from '@alliances/api/meetings';
import { NotificationsModule } from '@alliances/api/notifications';
import { ObservatoryModule } from '@alliances/api/observatory';
import { ObjectivesModule } from '@alliances/api/objectives';
import { OrganisationAccountMemberships, OrganisationsModule } from '@alliances/api/organisations';
import { ProposalsModule } from '@alliances/api/proposals';
import { WorkspaceModule } from '@alliances/api/workspace';
import { DynamicModule, Module } from '@nestjs/common';
import type { DataSourceOptions } from 'typeorm';
import type { EmbeddedPostgres } from '@alliances/api/core';

@Module({})
export class AppModule {
  static forRoot(options: { config: AppConfig; database: DataSourceOptions; embedded?: Pick<EmbeddedPostgres, 'stop'> }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        IdentityModule,
        OrganisationsModule,
        AccountModule.register({
          imports: [OrganisationsModule, DocumentsModule],
          memberships: OrganisationAccountMemberships,
          files: DocumentsAccountFiles,
        }),
        AlliancesModule,
        CharterModule,
        ObjectivesModule,
        EvaluationsModule,
        NotificationsModule,
        CommentsModule,
        FundingModule,
        AdminModule,
        LibraryModule,
        ProposalsModule,
        DiagnosticsModule,
        WorkspaceModule,
        CalendarModule,
        GovernanceModule,
        MeetingsModule,
        DocumentsModule,
        ObservatoryModule,
      ],
    };
  }
}
