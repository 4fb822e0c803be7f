import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@alliances/api/identity';
import { OrganisationsModule } from '@alliances/api/organisations';
import { DiagnosticEntity } from './diagnostic.entity';
import { DiagnosticsController, QuestionnaireController } from './diagnostics.controller';
import { DiagnosticsService } from './diagnostics.service';

/** The organisations' self-diagnostic: questionnaires per profile, levels per axis and partnership suggestions. */
@Module({
  imports: [TypeOrmModule.forFeature([DiagnosticEntity]), IdentityModule, OrganisationsModule],
  controllers: [QuestionnaireController, DiagnosticsController],
  providers: [DiagnosticsService],
  exports: [DiagnosticsService],
})
export class DiagnosticsModule {}
