import { Route } from '@angular/router';
import { authGuard } from '@alliances/web/identity/data-access';

/** Réunions of an alliance: the list, and one meeting with its live minutes (each its own lazy chunk). */
export const meetingsRoutes: Route[] = [
  {
    path: 'alliances/:id/meetings',
    canActivate: [authGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'meetings.list.pageTitle',
        loadComponent: () => import('./list/meetings-page').then((m) => m.MeetingsPage),
      },
      {
        path: ':meetingId',
        title: 'meetings.meeting.pageTitle',
        loadComponent: () => import('./meeting/meeting-page').then((m) => m.MeetingPage),
      },
    ],
  },
];
