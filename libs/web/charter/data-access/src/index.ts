export { CharterApi } from './lib/charter.api';
export {
  CharterConnection,
  LiveDocumentConnection,
  type LiveJoinAnswer,
  type LiveRoom,
  COLLAB_SOCKET_FACTORY,
  colourFor,
  type CollabSocket,
  type CollabSocketFactory,
  type Collaborator,
  type ConnectionStatus,
} from './lib/charter-connection';
