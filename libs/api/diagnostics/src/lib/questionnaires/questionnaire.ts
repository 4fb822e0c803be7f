import type {
  CollectiveObjective,
  DiagnosticAxisKey,
  MagicSquare,
  OrganisationProfile,
  PartnershipCategory,
} from '@alliances/shared/contracts';

/** A text in both languages of the platform. */
export interface Localised {
  fr: string;
  en: string;
}

/** What an answer points to: a magic-square priority, a partnership category or a collective objective (the key sets are disjoint). */
export type DiagnosticTag = MagicSquare | PartnershipCategory | CollectiveObjective;

export interface OptionDefinition {
  /** Stable within its question (`a`, `b`…): stored answers refer to it. */
  id: string;
  text: Localised;
  /** 0 (least) to 4 (most) on the question's axis. */
  score: number;
  /** Weights this answer adds to suggestions. */
  tags?: Partial<Record<DiagnosticTag, number>>;
}

export interface QuestionDefinition {
  /** Stable across versions (`objectives.business_model`): stored answers refer to it. */
  id: string;
  axis: DiagnosticAxisKey;
  text: Localised;
  help?: Localised;
  /** False for a question that only orients the suggestions (a preference, not a level). */
  scored?: boolean;
  options: OptionDefinition[];
}

export type QuestionnaireProfile = OrganisationProfile | 'generic';

export interface QuestionnaireDefinition {
  profile: QuestionnaireProfile;
  version: number;
  questions: QuestionDefinition[];
}

/** One option, written compactly: id, score, French, English, tags. */
export const option = (id: string, score: number, fr: string, en: string, tags?: OptionDefinition['tags']): OptionDefinition => ({
  id,
  score,
  text: { fr, en },
  ...(tags ? { tags } : {}),
});

export const AXIS_TEXTS: Record<DiagnosticAxisKey, { title: Localised; intro: Localised }> = {
  objectives: {
    title: { fr: 'Vos objectifs', en: 'Your objectives' },
    intro: {
      fr: 'Le carré magique : sur quelle part de votre modèle un partenariat vous ferait-il progresser — modèle économique, proposition de valeur, positionnement ou processus ? Plus vos attentes sont claires, plus la relation sera équilibrée.',
      en: 'The magic square: which part of your model would a partnership help you move forward — business model, value proposition, positioning or processes? The clearer your expectations, the more balanced the relationship.',
    },
  },
  means: {
    title: { fr: 'Vos moyens', en: 'Your means' },
    intro: {
      fr: 'L’équilibre de votre maison tient sur trois leviers : les richesses humaines, les ressources financières et les alliances. Où en sont les vôtres ?',
      en: 'Your organisation’s balance rests on three levers: people, financial resources and alliances. Where do yours stand?',
    },
  },
  maturity: {
    title: { fr: 'Votre maturité partenariale', en: 'Your partnership maturity' },
    intro: {
      fr: 'Votre expérience du partenariat : depuis quand, comment vous le formalisez, le pilotez et l’évaluez.',
      en: 'Your experience of partnering: for how long, and how you formalise, steer and evaluate it.',
    },
  },
  wishes: {
    title: { fr: 'Vos envies', en: 'Your wishes' },
    intro: {
      fr: 'Ce que vous aimeriez vivre avec d’autres, à quel rythme et pour quel objectif commun.',
      en: 'What you would like to do with others, at what pace and for which common goal.',
    },
  },
};

/** The answers of the four magic-square questions: the scale is the same for every profile. */
const squareOptions = (square: MagicSquare, categories: Partial<Record<PartnershipCategory, number>>): OptionDefinition[] => [
  option('a', 0, 'Nous n’y avons pas encore réfléchi', 'We have not thought about it yet'),
  option('b', 2, 'Ce n’est pas un enjeu pour nous aujourd’hui', 'It is not an issue for us today'),
  option('c', 1, 'C’est un besoin, mais il reste flou', 'It is a need, but still vague', { [square]: 1, ...categories }),
  option('d', 3, 'C’est une priorité, avec des attentes précises', 'It is a priority, with precise expectations', {
    [square]: 2,
    ...categories,
  }),
  option(
    'e',
    4,
    'C’est une priorité écrite et partagée dans notre organisation',
    'It is a written priority, shared across our organisation',
    {
      [square]: 3,
      ...categories,
    },
  ),
];

/** A magic-square question: the wording is the profile's, the answers and their weights are common. */
export const squareQuestion = (
  square: MagicSquare,
  text: Localised,
  help: Localised,
  categories: Partial<Record<PartnershipCategory, number>>,
): QuestionDefinition => ({ id: `objectives.${square}`, axis: 'objectives', text, help, options: squareOptions(square, categories) });

/** Richesses humaines. */
const peopleQuestion = (who: Localised): QuestionDefinition => ({
  id: 'means.people',
  axis: 'means',
  text: {
    fr: `Qui pourrait faire vivre un partenariat chez vous (${who.fr}) ?`,
    en: `Who could make a partnership live in your organisation (${who.en})?`,
  },
  options: [
    option('a', 0, 'Personne n’a de temps à y consacrer', 'Nobody has time for it'),
    option('b', 1, 'Quelques personnes, ponctuellement', 'A few people, now and then'),
    option('c', 3, 'Une personne identifiée, avec du temps dédié', 'One named person, with dedicated time'),
    option('d', 4, 'Une équipe et des relais dans l’organisation', 'A team, with relays across the organisation', { engagement: 1 }),
  ],
});

/** Ressources financières: the weights depend on who gives and who receives. */
export const moneyQuestion = (text: Localised, tight: OptionDefinition['tags'], ample: OptionDefinition['tags']): QuestionDefinition => ({
  id: 'means.money',
  axis: 'means',
  text,
  options: [
    option('a', 0, 'Aucune ressource disponible aujourd’hui', 'No resource available today', tight),
    option('b', 1, 'Des moyens ponctuels, au cas par cas', 'Occasional means, case by case', tight),
    option('c', 3, 'Un budget identifié chaque année', 'A budget set aside every year', ample),
    option('d', 4, 'Un budget pluriannuel, avec une stratégie', 'A multi-year budget, with a strategy', ample),
  ],
});

/** Alliances, the third lever. */
const alliancesQuestion: QuestionDefinition = {
  id: 'means.alliances',
  axis: 'means',
  text: { fr: 'Combien de partenariats actifs avez-vous aujourd’hui ?', en: 'How many active partnerships do you have today?' },
  help: {
    fr: 'Un partenariat actif : une relation suivie avec une autre organisation, au-delà d’un simple échange commercial.',
    en: 'An active partnership: an ongoing relationship with another organisation, beyond a plain commercial exchange.',
  },
  options: [
    option('a', 0, 'Aucun', 'None'),
    option('b', 1, 'Un ou deux', 'One or two'),
    option('c', 3, 'Plusieurs, avec des organisations différentes', 'Several, with different kinds of organisations'),
    option('d', 4, 'Un réseau de partenaires que nous animons', 'A network of partners that we run', { territory: 1 }),
  ],
};

/** What the organisation can bring besides money. */
const contributionQuestion: QuestionDefinition = {
  id: 'means.contribution',
  axis: 'means',
  text: {
    fr: 'Au-delà de l’argent, que pourriez-vous apporter à des partenaires ?',
    en: 'Beyond money, what could you bring to partners?',
  },
  options: [
    option('a', 0, 'Nous ne l’avons pas encore identifié', 'We have not identified it yet'),
    option('b', 2, 'Du matériel, des locaux ou un coup de main ponctuel', 'Equipment, premises or occasional help', {
      responsible_practices: 1,
    }),
    option('c', 3, 'Un réseau et une bonne connaissance du territoire', 'A network and a good knowledge of the territory', {
      territory: 2,
    }),
    option('d', 4, 'Un savoir-faire ou une expertise à partager', 'Know-how or expertise to share', {
      innovation: 1,
      economic_cooperation: 1,
    }),
  ],
};

const MATURITY_QUESTIONS: QuestionDefinition[] = [
  {
    id: 'maturity.experience',
    axis: 'maturity',
    text: { fr: 'Depuis quand travaillez-vous en partenariat ?', en: 'How long have you been working in partnership?' },
    options: [
      option('a', 0, 'Ce serait une première', 'It would be a first'),
      option('b', 1, 'Depuis peu (moins de deux ans)', 'Recently (less than two years)'),
      option('c', 3, 'Depuis plusieurs années', 'For several years'),
      option('d', 4, 'C’est au cœur de notre stratégie depuis longtemps', 'It has long been at the heart of our strategy'),
    ],
  },
  {
    id: 'maturity.formalisation',
    axis: 'maturity',
    text: { fr: 'Comment vos partenariats sont-ils formalisés ?', en: 'How are your partnerships formalised?' },
    options: [
      option('a', 0, 'Ils ne le sont pas', 'They are not'),
      option('b', 1, 'Par des échanges informels', 'Through informal exchanges'),
      option('c', 3, 'Par des conventions écrites', 'Through written agreements'),
      option('d', 4, 'Par une charte et une gouvernance partagée', 'Through a charter and shared governance'),
    ],
  },
  {
    id: 'maturity.evaluation',
    axis: 'maturity',
    text: { fr: 'Évaluez-vous ce que vos partenariats produisent ?', en: 'Do you evaluate what your partnerships produce?' },
    options: [
      option('a', 0, 'Jamais', 'Never'),
      option('b', 1, 'Un bilan de temps en temps', 'A review now and then'),
      option('c', 3, 'Avec des indicateurs suivis', 'With indicators we follow'),
      option('d', 4, 'Avec nos partenaires, régulièrement et ensemble', 'Together with our partners, regularly', { performance: 1 }),
    ],
  },
  {
    id: 'maturity.cocreation',
    axis: 'maturity',
    text: {
      fr: 'Avez-vous déjà construit un projet avec un acteur d’un autre monde que le vôtre (entreprise, association, collectivité, chercheurs…) ?',
      en: 'Have you ever built a project with an organisation from another world than yours (company, association, local authority, researchers…)?',
    },
    options: [
      option('a', 0, 'Non', 'No'),
      option('b', 1, 'Pas encore, mais l’idée nous intéresse', 'Not yet, but the idea appeals to us'),
      option('c', 3, 'Oui, une fois', 'Yes, once'),
      option('d', 4, 'Oui, c’est notre manière de travailler', 'Yes, it is how we work', { societal_innovation: 1, innovation: 1 }),
    ],
  },
];

const relationshipQuestion: QuestionDefinition = {
  id: 'wishes.relationship',
  axis: 'wishes',
  text: { fr: 'Quel type de relation aimeriez-vous développer ?', en: 'Which kind of relationship would you like to develop?' },
  options: [
    option(
      'a',
      1,
      'Soutenir un projet ou être soutenus (don, mécénat, bénévolat)',
      'Support a project or be supported (donation, sponsorship, volunteering)',
      {
        philanthropy: 3,
      },
    ),
    option(
      'b',
      2,
      'Faire évoluer nos pratiques avec d’autres (achats, emploi, environnement)',
      'Change our practices with others (purchasing, jobs, environment)',
      {
        responsible_practices: 3,
      },
    ),
    option('c', 3, 'Développer une activité ou une offre commune', 'Develop a joint activity or offer', { economic_cooperation: 3 }),
    option('d', 4, 'Inventer ensemble une réponse nouvelle à un besoin de société', 'Invent together a new answer to a social need', {
      societal_innovation: 3,
    }),
  ],
};

const collectiveQuestion: QuestionDefinition = {
  id: 'wishes.collective',
  axis: 'wishes',
  scored: false,
  text: {
    fr: 'Quel objectif commun vous donnerait le plus envie de vous allier ?',
    en: 'Which common goal would most make you want to join forces?',
  },
  options: [
    option('a', 0, 'Mobiliser et engager les personnes', 'Mobilise and engage people', { engagement: 3 }),
    option('b', 0, 'Faire émerger des solutions nouvelles', 'Bring new solutions to light', { innovation: 3 }),
    option('c', 0, 'Faire vivre notre territoire', 'Bring our territory to life', { territory: 3 }),
    option('d', 0, 'Gagner ensemble en efficacité', 'Become more effective together', { performance: 3 }),
  ],
};

const commitmentQuestion: QuestionDefinition = {
  id: 'wishes.commitment',
  axis: 'wishes',
  text: { fr: 'Jusqu’où aimeriez-vous vous engager ?', en: 'How far would you like to commit?' },
  options: [
    option('a', 1, 'Une action ponctuelle, pour commencer', 'A one-off action, to start with'),
    option('b', 2, 'Un projet d’un an', 'A one-year project'),
    option('c', 3, 'Un partenariat sur plusieurs années', 'A partnership over several years'),
    option('d', 4, 'Une alliance qui transforme notre façon d’agir', 'An alliance that changes the way we act', { societal_innovation: 1 }),
  ],
};

const timingQuestion: QuestionDefinition = {
  id: 'wishes.timing',
  axis: 'wishes',
  text: { fr: 'Quand aimeriez-vous démarrer ?', en: 'When would you like to start?' },
  options: [
    option('a', 0, 'Nous ne savons pas encore', 'We do not know yet'),
    option('b', 1, 'Pas avant un an', 'Not within a year'),
    option('c', 3, 'Dans les prochains mois', 'In the coming months'),
    option('d', 4, 'Maintenant : nous avons déjà un projet en tête', 'Now: we already have a project in mind'),
  ],
};

const WISHES_QUESTIONS = [relationshipQuestion, collectiveQuestion, commitmentQuestion, timingQuestion];

/**
 * A profile's questionnaire: its own wording of the magic square, of its people and of its money, one
 * question of its own, and the questions every profile shares (alliances, contribution, maturity, wishes).
 */
export function profileQuestionnaire(
  profile: QuestionnaireProfile,
  parts: { version: number; squares: QuestionDefinition[]; people: Localised; money: QuestionDefinition; own: QuestionDefinition },
): QuestionnaireDefinition {
  return {
    profile,
    version: parts.version,
    questions: [
      ...parts.squares,
      peopleQuestion(parts.people),
      parts.money,
      alliancesQuestion,
      contributionQuestion,
      parts.own,
      ...MATURITY_QUESTIONS,
      ...WISHES_QUESTIONS,
    ],
  };
}
