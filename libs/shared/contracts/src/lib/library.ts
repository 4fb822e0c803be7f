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
}

export interface PublishCaseStudyRequest {
  title: string;
  summary: string;
  indicatorIds: string[];
}
