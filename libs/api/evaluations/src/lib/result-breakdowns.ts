import {
  aggregateByOrganisation,
  DIMENSION_GROUP_KEYS,
  DIMENSION_GROUPS,
  EVALUATION_DIMENSIONS,
  mean,
  ORGANISATION_PROFILES,
  RESULT_FOCUS_KEYS,
  RESULT_FOCUS_OF,
  type DimensionGroupKey,
  type EvaluationDimension,
  type EvaluationQuestion,
  type OrganisationProfile,
  type ProfileResult,
  type ResultBreakdowns,
  type ResultFocusKey,
} from '@alliances/shared/contracts';

/** One submitted score, with who gave it (never shown: only counted and averaged). */
export interface ScoreRow {
  questionId: string;
  score: number;
  organisationId: string;
  respondentId: string;
}

type Organisations = { organisationId: string; organisationName: string }[];

const focusOf = (q: EvaluationQuestion): ResultFocusKey => RESULT_FOCUS_OF[q.focus] ?? 'product';

/** The rows of the questions that `pick` keeps. */
function rowsOf(questions: EvaluationQuestion[], rows: ScoreRow[], pick: (q: EvaluationQuestion) => boolean): ScoreRow[] {
  const ids = new Set(questions.filter(pick).map((q) => q.id));
  return rows.filter((r) => ids.has(r.questionId));
}

/**
 * Focus (produit, équilibre, valorisation) and dimension-group means, overall and per organisation (from
 * `threshold` respondents of that organisation), and means by actor profile (only from the organisations of that
 * profile with `threshold` respondents each, so that no hidden organisation enters it; `profiles` holds the seated
 * and the responding organisations). Focuses and
 * groups without a question are left out.
 */
export function resultBreakdowns(
  questions: EvaluationQuestion[],
  rows: ScoreRow[],
  organisations: Organisations,
  profiles: Map<string, OrganisationProfile>,
  threshold: number,
): ResultBreakdowns {
  const focuses = RESULT_FOCUS_KEYS.filter((key) => questions.some((q) => focusOf(q) === key)).map((key) => {
    const own = rowsOf(questions, rows, (q) => focusOf(q) === key);
    return { key, mean: mean(own.map((r) => r.score)), ...aggregateByOrganisation(own, organisations, threshold) };
  });
  const groups = DIMENSION_GROUP_KEYS.filter((key) => questions.some((q) => DIMENSION_GROUPS[q.dimension] === key)).map((key) => {
    const own = rowsOf(questions, rows, (q) => DIMENSION_GROUPS[q.dimension] === key);
    return { key, mean: mean(own.map((r) => r.score)), ...aggregateByOrganisation(own, organisations, threshold) };
  });
  const present = new Set(profiles.values());
  const respondentsOf = new Map<string, Set<string>>();
  for (const r of rows) respondentsOf.set(r.organisationId, (respondentsOf.get(r.organisationId) ?? new Set()).add(r.respondentId));
  const counted = new Set([...respondentsOf].filter(([, people]) => people.size >= threshold).map(([organisationId]) => organisationId));
  const byProfile: ProfileResult[] = ORGANISATION_PROFILES.filter((p) => present.has(p)).map((profile) => {
    // Only organisations shown on their own (from `threshold` respondents) enter a profile: a hidden organisation's
    // mean could otherwise be derived from the profile's and the shown organisations' ones.
    const own = rows.filter((r) => profiles.get(r.organisationId) === profile && counted.has(r.organisationId));
    const respondents = new Set(own.map((r) => r.respondentId)).size;
    const shown = respondents > 0 && respondents >= threshold;
    return {
      profile,
      respondents,
      mean: shown ? mean(own.map((r) => r.score)) : null,
      focuses: focuses.map((f) => ({
        key: f.key,
        mean: shown ? mean(rowsOf(questions, own, (q) => focusOf(q) === f.key).map((r) => r.score)) : null,
      })),
    };
  });
  return { focuses, groups, byProfile };
}

/**
 * A campaign's dimension, group and focus means for the trend: all null while fewer than `threshold` people
 * answered in all, so that a small campaign never shows one person's scores.
 */
export function campaignMeans(
  questions: EvaluationQuestion[],
  rows: ScoreRow[],
  respondents: number,
  threshold: number,
): {
  dimensions: { key: EvaluationDimension; mean: number | null }[];
  groups: { key: DimensionGroupKey; mean: number | null }[];
  focuses: { key: ResultFocusKey; mean: number | null }[];
} {
  const shown = respondents >= threshold;
  const meanOf = (pick: (q: EvaluationQuestion) => boolean) => (shown ? mean(rowsOf(questions, rows, pick).map((r) => r.score)) : null);
  return {
    dimensions: EVALUATION_DIMENSIONS.filter((d) => questions.some((q) => q.dimension === d)).map((key) => ({
      key,
      mean: meanOf((q) => q.dimension === key),
    })),
    groups: DIMENSION_GROUP_KEYS.filter((key) => questions.some((q) => DIMENSION_GROUPS[q.dimension] === key)).map((key) => ({
      key,
      mean: meanOf((q) => DIMENSION_GROUPS[q.dimension] === key),
    })),
    focuses: RESULT_FOCUS_KEYS.filter((key) => questions.some((q) => focusOf(q) === key)).map((key) => ({
      key,
      mean: meanOf((q) => focusOf(q) === key),
    })),
  };
}
