import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

interface Section {
  link: string;
  key: string;
  exact: boolean;
  testId: string;
}

/** The console's frame: its title and the sections a platform administrator moves between every week. */
@Component({
  selector: 'all-admin-console',
  imports: [RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  template: `
    <h1>{{ 'admin.console.title' | transloco }}</h1>
    <nav class="sections" [attr.aria-label]="'admin.console.sections' | transloco">
      <ul>
        @for (section of sections; track section.link) {
          <li>
            <a
              [routerLink]="section.link"
              routerLinkActive="is-active"
              ariaCurrentWhenActive="page"
              [routerLinkActiveOptions]="{ exact: section.exact }"
              [attr.data-testid]="section.testId"
              >{{ section.key | transloco }}</a
            >
          </li>
        }
      </ul>
    </nav>
    <router-outlet />
  `,
  styleUrl: './admin-console.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminConsole {
  protected readonly sections: Section[] = [
    { link: '/admin', key: 'admin.console.overview', exact: true, testId: 'admin-tab-overview' },
    // The review queue is the identity feature's page; it stays where organisations' mails link.
    { link: '/admin/organisations', key: 'admin.console.applications', exact: true, testId: 'admin-tab-applications' },
    { link: '/admin/directory', key: 'admin.console.organisations', exact: false, testId: 'admin-tab-organisations' },
    { link: '/admin/users', key: 'admin.console.users', exact: false, testId: 'admin-tab-users' },
    { link: '/admin/audit', key: 'admin.console.audit', exact: false, testId: 'admin-tab-audit' },
    { link: '/admin/jobs', key: 'admin.console.jobs', exact: false, testId: 'admin-tab-jobs' },
  ];
}
