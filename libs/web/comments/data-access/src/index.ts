export { CommentsApi } from './lib/comments.api';
export {
  LIVE_SOCKET_FACTORY,
  LiveConnection,
  type LiveEventName,
  type LiveListenEvents,
  type LiveSocket,
  type LiveSocketFactory,
} from './lib/live-connection';
export {
  COMMENT_RETRY_DELAYS,
  LiveComments,
  isTransient,
  type CommentDraft,
  type PendingComment,
  type TypingEntry,
} from './lib/live-comments.store';
export { NotificationsStore } from './lib/notifications.store';
