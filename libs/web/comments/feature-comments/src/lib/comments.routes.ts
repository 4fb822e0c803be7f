import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { authGuard } from '@alliances/web/identity/data-access';

/** Route titles are translation keys (TranslatedTitleStrategy); each page is its own lazy chunk. */
export const commentsRoutes: Route[] = [
  {
    path: 'alliances/:id/discussion',
    title: 'comments.discussion.pageTitle',
    canActivate: [authGuard],
    providers: [provideTranslocoScope('comments')],
    loadComponent: () => import('./discussion/discussion-page').then((m) => m.DiscussionPage),
  },
  {
    path: 'notifications',
    title: 'comments.notifications.pageTitle',
    canActivate: [authGuard],
    providers: [provideTranslocoScope('comments')],
    loadComponent: () => import('./notifications/notifications-page').then((m) => m.NotificationsPage),
  },
];
