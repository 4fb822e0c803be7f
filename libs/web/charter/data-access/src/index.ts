export { CharterApi } from './lib/charter.api';
export {
  CharterConnection,
  COLLAB_SOCKET_FACTORY,
  colourFor,
  type CollabSocket,
  type CollabSocketFactory,
  type Collaborator,
  type ConnectionStatus,
} from './lib/charter-connection';
