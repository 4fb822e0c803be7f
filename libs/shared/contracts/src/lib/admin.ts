/** Platform administration (docs/domain.md "Platform administration"; routes: docs/api.md "Administration"). */

export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  organisations: number;
}

export interface PlatformFigures {
  organisationsByProfile: { profile: string; count: number }[];
  organisationsByStatus: { status: string; count: number }[];
  alliancesByCategory: { category: string; count: number }[];
  alliancesByStatus: { status: string; count: number }[];
  /** People who signed in during the current calendar month. */
  activeUsersThisMonth: number;
  users: number;
}
