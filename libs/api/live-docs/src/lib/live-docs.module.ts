import { Module } from '@nestjs/common';
import { IdentityModule } from '@alliances/api/identity';
import { CollabGateway } from './collab.gateway';
import { LiveDocKinds } from './live-doc-kinds';
import { LiveRelay } from './live-relay';

/**
 * The live-document machinery shared by the charter and meetings' minutes (docs/decisions/0022-live-documents.md):
 * one relay between instances and one `/collab` gateway for every kind. A domain imports this module,
 * builds its LiveDocs over its own LiveDocStore tables and registers its kind with LiveDocKinds.
 */
@Module({
  // Identity provides the SocketAuthenticator of the handshake.
  imports: [IdentityModule],
  providers: [LiveRelay, LiveDocKinds, CollabGateway],
  exports: [LiveRelay, LiveDocKinds],
})
export class LiveDocsModule {}
