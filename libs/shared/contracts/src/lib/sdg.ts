/**
 * UN Sustainable Development Goals (Agenda 2030) and the targets of goal 17 (partnerships), as tags of
 * alliances and case studies: `"3"` is a goal, `"17.17"` a target; a goal matches its targets in searches.
 */
export interface SustainableDevelopmentGoal {
  /** "1" … "17". */
  code: string;
  fr: string;
  en: string;
  /** The official colour of the goal's icon (white text reads on each). */
  colour: string;
}

export interface SustainableDevelopmentTarget {
  /** "17.1" … "17.19". */
  code: string;
  goal: string;
  fr: string;
  en: string;
}

export const SDG_GOALS: readonly SustainableDevelopmentGoal[] = [
  { code: '1', fr: 'Pas de pauvreté', en: 'No poverty', colour: '#b5162b' },
  { code: '2', fr: 'Faim « zéro »', en: 'Zero hunger', colour: '#8c6a1f' },
  { code: '3', fr: 'Bonne santé et bien-être', en: 'Good health and well-being', colour: '#2f7d32' },
  { code: '4', fr: 'Éducation de qualité', en: 'Quality education', colour: '#a3172d' },
  { code: '5', fr: 'Égalité entre les sexes', en: 'Gender equality', colour: '#c4331f' },
  { code: '6', fr: 'Eau propre et assainissement', en: 'Clean water and sanitation', colour: '#0f6f8f' },
  { code: '7', fr: 'Énergie propre et d’un coût abordable', en: 'Affordable and clean energy', colour: '#8a6d00' },
  { code: '8', fr: 'Travail décent et croissance économique', en: 'Decent work and economic growth', colour: '#8f1838' },
  { code: '9', fr: 'Industrie, innovation et infrastructure', en: 'Industry, innovation and infrastructure', colour: '#b84a12' },
  { code: '10', fr: 'Inégalités réduites', en: 'Reduced inequalities', colour: '#b3135f' },
  { code: '11', fr: 'Villes et communautés durables', en: 'Sustainable cities and communities', colour: '#a35f00' },
  { code: '12', fr: 'Consommation et production responsables', en: 'Responsible consumption and production', colour: '#8a6a1a' },
  { code: '13', fr: 'Mesures relatives à la lutte contre les changements climatiques', en: 'Climate action', colour: '#3f7e44' },
  { code: '14', fr: 'Vie aquatique', en: 'Life below water', colour: '#0a6aa1' },
  { code: '15', fr: 'Vie terrestre', en: 'Life on land', colour: '#3b7a1e' },
  { code: '16', fr: 'Paix, justice et institutions efficaces', en: 'Peace, justice and strong institutions', colour: '#00558c' },
  { code: '17', fr: 'Partenariats pour la réalisation des objectifs', en: 'Partnerships for the goals', colour: '#19486a' },
];

/** The targets of goal 17; 17.16 and 17.17 are those of multi-stakeholder partnerships, the alliances' own. */
export const SDG_TARGETS: readonly SustainableDevelopmentTarget[] = [
  { code: '17.1', goal: '17', fr: 'Mobilisation des ressources nationales', en: 'Domestic resource mobilisation' },
  { code: '17.2', goal: '17', fr: 'Aide publique au développement', en: 'Official development assistance' },
  { code: '17.3', goal: '17', fr: 'Ressources financières supplémentaires', en: 'Additional financial resources' },
  { code: '17.4', goal: '17', fr: 'Viabilité de la dette', en: 'Debt sustainability' },
  {
    code: '17.5',
    goal: '17',
    fr: 'Investissement en faveur des pays les moins avancés',
    en: 'Investment promotion for least developed countries',
  },
  { code: '17.6', goal: '17', fr: 'Coopération scientifique et technologique', en: 'Science and technology cooperation' },
  { code: '17.7', goal: '17', fr: 'Technologies respectueuses de l’environnement', en: 'Environmentally sound technologies' },
  { code: '17.8', goal: '17', fr: 'Renforcement des capacités technologiques', en: 'Technology capacity building' },
  { code: '17.9', goal: '17', fr: 'Renforcement des capacités', en: 'Capacity building' },
  { code: '17.10', goal: '17', fr: 'Système commercial multilatéral', en: 'Multilateral trading system' },
  { code: '17.11', goal: '17', fr: 'Exportations des pays en développement', en: 'Exports of developing countries' },
  { code: '17.12', goal: '17', fr: 'Accès aux marchés en franchise de droits', en: 'Duty-free market access' },
  { code: '17.13', goal: '17', fr: 'Stabilité macroéconomique mondiale', en: 'Global macroeconomic stability' },
  {
    code: '17.14',
    goal: '17',
    fr: 'Cohérence des politiques de développement durable',
    en: 'Policy coherence for sustainable development',
  },
  { code: '17.15', goal: '17', fr: 'Respect de la marge de manœuvre de chaque pays', en: 'Respect each country’s policy space' },
  {
    code: '17.16',
    goal: '17',
    fr: 'Renforcer le partenariat mondial pour le développement durable, associé à des partenariats multipartites',
    en: 'Enhance the global partnership for sustainable development, complemented by multi-stakeholder partnerships',
  },
  {
    code: '17.17',
    goal: '17',
    fr: 'Encourager et promouvoir les partenariats publics, public-privé et avec la société civile',
    en: 'Encourage and promote effective public, public-private and civil society partnerships',
  },
  { code: '17.18', goal: '17', fr: 'Données fiables et ventilées', en: 'Reliable, disaggregated data' },
  {
    code: '17.19',
    goal: '17',
    fr: 'Mesures des progrès du développement durable',
    en: 'Measurements of progress on sustainable development',
  },
];

/** Every valid tag: the 17 goals then the targets. */
export const SDG_CODES: readonly string[] = [...SDG_GOALS.map((g) => g.code), ...SDG_TARGETS.map((t) => t.code)];

/** The goal of a tag: "17.16" → "17", "3" → "3". */
export function sdgGoalOf(code: string): string {
  return code.split('.')[0];
}

/** The name of a tag in a language ("17.17" → its target, "3" → its goal); the code itself when unknown. */
export function sdgName(code: string, lang: 'fr' | 'en'): string {
  const found = SDG_GOALS.find((g) => g.code === code) ?? SDG_TARGETS.find((t) => t.code === code);
  return found ? found[lang] : code;
}

/** Tags sorted goal by goal, a goal before its targets ("3", "17", "17.16", "17.17"), duplicates dropped. */
export function sortSdgs(codes: readonly string[]): string[] {
  const key = (c: string): number[] => c.split('.').map(Number);
  return [...new Set(codes)].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0);
  });
}
