import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsModule } from '@alliances/api/meetings';
import { AlliancesModule } from '@alliances/api/alliances';
import { CommentsReader } from '@alliances/api/comments';
import { APP_CONFIG, type AppConfig } from '@alliances/api/core';
import { GrantReportsReader } from '@alliances/api/funding';
import { IdentityModule } from '@alliances/api/identity';
import { OrganisationsModule } from '@alliances/api/organisations';
import { DEFAULT_MAX_UPLOAD_BYTES } from '@alliances/shared/contracts';
import { DocumentStorage, maxUploadBytes, storageFromEnv } from './document-storage';
import { DocumentTargets } from './document-targets';
import { DocumentsAccountFiles } from './documents-account-files';
import { DocumentsController } from './documents.controller';
import { DocumentEntity, DocumentVersionEntity } from './documents.entities';
import { DocumentsReader } from './documents-reader';
import { DocumentsService, MAX_UPLOAD_BYTES } from './documents.service';

/**
 * Documents (issue 17): uploads streamed to `DATA_DIR/files` or to an S3-compatible bucket when
 * `S3_URL` is set, at most `MAX_UPLOAD_BYTES` each (docs/decisions/0024-document-storage.md).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([DocumentEntity, DocumentVersionEntity]),
    AlliancesModule,
    OrganisationsModule,
    IdentityModule,
    MeetingsModule,
  ],
  controllers: [DocumentsController],
  providers: [
    DocumentsService,
    DocumentTargets,
    DocumentsReader,
    DocumentsAccountFiles,
    GrantReportsReader,
    CommentsReader,
    { provide: DocumentStorage, useFactory: (config: AppConfig) => storageFromEnv(process.env, config.dataDir), inject: [APP_CONFIG] },
    { provide: MAX_UPLOAD_BYTES, useFactory: () => maxUploadBytes(process.env, DEFAULT_MAX_UPLOAD_BYTES) },
  ],
  exports: [DocumentsReader, DocumentsAccountFiles],
})
export class DocumentsModule {}
