import { moneyQuestion, option, profileQuestionnaire, squareQuestion } from './questionnaire';

/** The self-diagnostic of a foundation: how it supports, operates and leverages its resources. */
export const FOUNDATION_QUESTIONNAIRE = profileQuestionnaire('foundation', {
  version: 1,
  squares: [
    squareQuestion(
      'business_model',
      {
        fr: 'Pérenniser ou élargir vos ressources (dotation, fondateurs, cofinancements) grâce à des alliances ?',
        en: 'Securing or widening your resources (endowment, founders, co-funding) through alliances?',
      },
      {
        fr: 'Par exemple cofinancer un programme avec d’autres fondations ou une collectivité.',
        en: 'For instance co-funding a programme with other foundations or a local authority.',
      },
      { economic_cooperation: 1, philanthropy: 1 },
    ),
    squareQuestion(
      'value_proposition',
      {
        fr: 'Accroître l’impact de vos programmes en allant au-delà du don (accompagnement, essaimage, innovation) ?',
        en: 'Increasing your programmes’ impact beyond giving (support, scaling, innovation)?',
      },
      {
        fr: 'Votre proposition de valeur : ce que vous apportez aux projets que vous soutenez.',
        en: 'Your value proposition: what you bring to the projects you support.',
      },
      { societal_innovation: 2 },
    ),
    squareQuestion(
      'positioning',
      {
        fr: 'Affirmer votre rôle dans votre écosystème (tiers de confiance, catalyseur, expert d’une cause) ?',
        en: 'Asserting your role in your ecosystem (trusted third party, catalyst, expert on a cause)?',
      },
      {
        fr: 'Votre positionnement auprès des porteurs de projets, des pouvoirs publics et des autres financeurs.',
        en: 'Your positioning with project holders, public bodies and other funders.',
      },
      { philanthropy: 1 },
    ),
    squareQuestion(
      'processes',
      {
        fr: 'Faire évoluer vos façons de sélectionner, suivre et évaluer les projets avec d’autres financeurs ?',
        en: 'Changing the way you select, follow and evaluate projects together with other funders?',
      },
      {
        fr: 'Par exemple des appels à projets communs ou une évaluation partagée.',
        en: 'For instance joint calls for projects or a shared evaluation.',
      },
      { responsible_practices: 1 },
    ),
  ],
  people: { fr: 'équipe, administrateurs, bénévoles, mécènes', en: 'staff, board, volunteers, patrons' },
  money: moneyQuestion(
    {
      fr: 'Quelle part de vos moyens pourriez-vous consacrer à des alliances plutôt qu’à des soutiens isolés ?',
      en: 'What share of your means could you devote to alliances rather than to one-off grants?',
    },
    { philanthropy: 1 },
    { philanthropy: 1, societal_innovation: 1 },
  ),
  own: {
    id: 'wishes.role',
    axis: 'wishes',
    text: { fr: 'Dans une alliance, quel rôle aimeriez-vous jouer ?', en: 'In an alliance, which role would you like to play?' },
    options: [
      option('a', 1, 'Financeur, en restant en retrait', 'Funder, staying in the background', { philanthropy: 2 }),
      option('b', 2, 'Financeur qui accompagne les porteurs', 'Funder who supports the project holders', {
        philanthropy: 1,
        engagement: 1,
      }),
      option('c', 3, 'Partenaire qui coconstruit le projet', 'Partner co-building the project', {
        societal_innovation: 1,
        innovation: 1,
      }),
      option('d', 4, 'Animateur qui réunit les acteurs d’un territoire', 'Convener bringing a territory’s actors together', {
        territory: 2,
      }),
    ],
  },
});
