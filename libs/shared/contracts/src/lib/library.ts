/** Case-study library (docs/domain.md "Case-study library"; routes: docs/api.md "Library"). */

export interface CaseStudy {
  id: string;
  allianceId: string;
  title: string;
  summary: string;
  category: string;
  collectiveObjectives: string[];
  domains: string[];
  scale: string;
  territoryCodes: string[];
  partnerProfiles: string[];
  results: { indicatorId: string; name: string; unit: string; baseline: number; target: number; latest: number | null }[];
  status: 'awaiting_consent' | 'published';
  consents: { organisationId: string; organisationName: string; consentedAt: string | null }[];
  publishedAt: string | null;
  /** Its address in the public library (`/public/library/<slug>`), from the title when first prepared, kept when the title changes. */
  slug?: string | null;
  /** UN Sustainable Development Goals and targets (`sdg.ts`), copied from the alliance when prepared. */
  sdgs?: string[];
  /** The lead opened the alliance's public page (`/public/alliances/<alliancePageSlug>`); online while the card is published. */
  alliancePage?: boolean;
  alliancePageSlug?: string | null;
  /**
   * What the alliance's public page shows, as taken when the lead opened it: the partners consent to this
   * snapshot, and the page shows only it (later changes of the alliance or its partners never reach it).
   */
  alliancePageContent?: AlliancePageContent | null;
}

/** The snapshot an alliance's public page is built from (taken when the lead opens the page). */
export interface AlliancePageContent {
  name: string;
  purpose: string;
  category: string;
  territoryCodes: string[];
  sdgs: string[];
  partners: { name: string; profile: string }[];
  takenAt: string;
}

export interface PublishCaseStudyRequest {
  title: string;
  summary: string;
  indicatorIds: string[];
  /** The SDG tags of the card; the alliance's when absent. */
  sdgs?: string[];
}

/** `PUT /api/alliances/:id/public-page`: the lead opens or closes the alliance's public page. */
export interface AlliancePublicPageRequest {
  enabled: boolean;
}

/** A published card as anyone reads it (`GET /api/public/case-studies/:slug`): consented fields only, no ids of the alliance. */
export interface PublicCaseStudy {
  slug: string;
  title: string;
  summary: string;
  category: string;
  collectiveObjectives: string[];
  domains: string[];
  scale: string;
  territories: { code: string; name: string }[];
  partnerProfiles: string[];
  results: { name: string; unit: string; baseline: number; target: number; latest: number | null }[];
  sdgs: string[];
  publishedAt: string;
  /** The alliance's public page, when its lead opened it. */
  alliancePageSlug: string | null;
}

/** An alliance's opt-in public page (`GET /api/public/alliance-pages/:slug`). */
export interface PublicAlliancePage {
  slug: string;
  name: string;
  purpose: string;
  category: string;
  territories: { code: string; name: string }[];
  partners: { name: string; profile: string }[];
  sdgs: string[];
  caseStudy: { slug: string; title: string };
  updatedAt: string;
}
