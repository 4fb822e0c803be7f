import { moneyQuestion, option, profileQuestionnaire, squareQuestion } from './questionnaire';

/** The self-diagnostic of an association: its project, its volunteers and its funding mix. */
export const ASSOCIATION_QUESTIONNAIRE = profileQuestionnaire('association', {
  version: 1,
  squares: [
    squareQuestion(
      'business_model',
      {
        fr: 'Consolider votre modèle économique (diversifier vos ressources, sortir de la dépendance à un financeur) : est-ce une attente envers des partenaires ?',
        en: 'Strengthening your business model (diversifying resources, depending less on one funder): is it something you expect from partners?',
      },
      {
        fr: 'Le modèle économique d’une association : la part des subventions, des dons, du mécénat, des ventes et des cotisations.',
        en: 'An association’s business model: its mix of grants, donations, sponsorship, sales and membership fees.',
      },
      { philanthropy: 1, economic_cooperation: 1 },
    ),
    squareQuestion(
      'value_proposition',
      {
        fr: 'Enrichir ce que vous apportez à vos publics (nouvelles actions, meilleur accompagnement) grâce à des partenaires ?',
        en: 'Enriching what you bring to the people you serve (new activities, better support) with partners?',
      },
      {
        fr: 'Votre proposition de valeur : ce que vos bénéficiaires et adhérents trouvent chez vous.',
        en: 'Your value proposition: what your beneficiaries and members find with you.',
      },
      { societal_innovation: 1 },
    ),
    squareQuestion(
      'positioning',
      {
        fr: 'Renforcer votre positionnement (reconnaissance, visibilité, place dans l’écosystème local) grâce à des alliances ?',
        en: 'Strengthening your positioning (recognition, visibility, place in the local ecosystem) through alliances?',
      },
      {
        fr: 'Votre positionnement : la place que vous occupez auprès des pouvoirs publics, des autres associations et du territoire.',
        en: 'Your positioning: your place with public bodies, other associations and the territory.',
      },
      { responsible_practices: 1 },
    ),
    squareQuestion(
      'processes',
      {
        fr: 'Améliorer vos processus (gestion, outils numériques, compétences de l’équipe) avec l’appui de partenaires ?',
        en: 'Improving your processes (management, digital tools, team skills) with partners’ support?',
      },
      {
        fr: 'Par exemple un mécénat de compétences pour votre comptabilité ou votre informatique.',
        en: 'For instance skills-based sponsorship for your accounting or IT.',
      },
      { philanthropy: 1, responsible_practices: 1 },
    ),
  ],
  people: { fr: 'salariés, bénévoles, administrateurs', en: 'staff, volunteers, board members' },
  money: moneyQuestion(
    {
      fr: 'Quelle part de vos ressources pourriez-vous consacrer à construire des partenariats (temps salarié financé, frais de projet) ?',
      en: 'What share of your resources could you devote to building partnerships (funded staff time, project costs)?',
    },
    { philanthropy: 2 },
    { economic_cooperation: 1 },
  ),
  own: {
    id: 'means.volunteering',
    axis: 'means',
    text: { fr: 'Comment se porte votre bénévolat ?', en: 'How is your volunteering doing?' },
    options: [
      option('a', 0, 'Nous peinons à trouver des bénévoles', 'We struggle to find volunteers', { engagement: 2, philanthropy: 1 }),
      option('b', 2, 'Il est stable mais repose sur quelques personnes', 'It is stable but rests on a few people', { engagement: 1 }),
      option('c', 3, 'Il se renouvelle régulièrement', 'It renews itself regularly'),
      option('d', 4, 'Nous accueillons aussi des bénévoles d’entreprises', 'We also welcome volunteers from companies', {
        responsible_practices: 1,
      }),
    ],
  },
});
