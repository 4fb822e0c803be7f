import { DIAGNOSTIC_AXES, type DiagnosticQuestionnaire, type Locale, type OrganisationProfile } from '@alliances/shared/contracts';
import { ASSOCIATION_QUESTIONNAIRE } from './association';
import { COMPANY_QUESTIONNAIRE } from './company';
import { FOUNDATION_QUESTIONNAIRE } from './foundation';
import { GENERIC_QUESTIONNAIRE } from './generic';
import { LOCAL_AUTHORITY_QUESTIONNAIRE } from './local-authority';
import { AXIS_TEXTS, type QuestionnaireDefinition } from './questionnaire';

export * from './questionnaire';

const BY_PROFILE: Partial<Record<OrganisationProfile, QuestionnaireDefinition>> = {
  association: ASSOCIATION_QUESTIONNAIRE,
  company: COMPANY_QUESTIONNAIRE,
  foundation: FOUNDATION_QUESTIONNAIRE,
  local_authority: LOCAL_AUTHORITY_QUESTIONNAIRE,
};

/** The questionnaire an organisation of `profile` answers: its own, or the generic one. */
export const questionnaireFor = (profile: OrganisationProfile | 'generic'): QuestionnaireDefinition =>
  (profile !== 'generic' && BY_PROFILE[profile]) || GENERIC_QUESTIONNAIRE;

/** The questionnaire as the API serves it: texts in `locale`, axes in their order, no scores nor tags. */
export function presentQuestionnaire(definition: QuestionnaireDefinition, locale: Locale): DiagnosticQuestionnaire {
  return {
    profile: definition.profile,
    version: definition.version,
    axes: DIAGNOSTIC_AXES.map((key) => ({
      key,
      title: AXIS_TEXTS[key].title[locale],
      intro: AXIS_TEXTS[key].intro[locale],
      questions: definition.questions
        .filter((q) => q.axis === key)
        .map((q) => ({
          id: q.id,
          text: q.text[locale],
          ...(q.help ? { help: q.help[locale] } : {}),
          options: q.options.map((o) => ({ id: o.id, text: o.text[locale] })),
        })),
    })),
  };
}
