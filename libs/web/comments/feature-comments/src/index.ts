export { commentsRoutes } from './lib/comments.routes';
export { CommentsPanel } from './lib/panel/comments-panel';
export { NotificationsBell } from './lib/notifications/notifications-bell';
