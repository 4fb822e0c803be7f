import { moneyQuestion, option, profileQuestionnaire, squareQuestion } from './questionnaire';

/** The self-diagnostic of the other profiles: public institutions, academic actors and citizen groups. */
export const GENERIC_QUESTIONNAIRE = profileQuestionnaire('generic', {
  version: 1,
  squares: [
    squareQuestion(
      'business_model',
      {
        fr: 'Trouver d’autres façons de financer votre mission grâce à des partenaires ?',
        en: 'Finding other ways to fund your mission through partners?',
      },
      {
        fr: 'Votre modèle économique : d’où viennent vos ressources et ce qui les rend durables.',
        en: 'Your business model: where your resources come from and what makes them last.',
      },
      { economic_cooperation: 1, philanthropy: 1 },
    ),
    squareQuestion(
      'value_proposition',
      {
        fr: 'Enrichir ce que vous apportez (services, connaissances, mobilisation citoyenne) avec d’autres acteurs ?',
        en: 'Enriching what you bring (services, knowledge, citizens’ involvement) with other actors?',
      },
      {
        fr: 'Votre proposition de valeur : ce que votre action apporte aux personnes et à la société.',
        en: 'Your value proposition: what your action brings to people and society.',
      },
      { societal_innovation: 2 },
    ),
    squareQuestion(
      'positioning',
      {
        fr: 'Être mieux reconnu dans votre écosystème et mieux relié aux autres acteurs ?',
        en: 'Being better recognised in your ecosystem and better connected to other actors?',
      },
      {
        fr: 'Votre positionnement : votre place et votre légitimité auprès des autres acteurs.',
        en: 'Your positioning: your place and legitimacy among other actors.',
      },
      { responsible_practices: 1 },
    ),
    squareQuestion(
      'processes',
      {
        fr: 'Faire évoluer vos façons de travailler (méthodes, outils, ouverture) en vous alliant ?',
        en: 'Changing your ways of working (methods, tools, openness) by joining forces?',
      },
      {
        fr: 'Par exemple une recherche-action ou une démarche participative.',
        en: 'For instance action research or a participatory approach.',
      },
      { responsible_practices: 1, societal_innovation: 1 },
    ),
  ],
  people: { fr: 'agents, chercheurs, membres, habitants', en: 'officers, researchers, members, residents' },
  money: moneyQuestion(
    {
      fr: 'Quels moyens pourriez-vous consacrer à des partenariats ?',
      en: 'What means could you devote to partnerships?',
    },
    { philanthropy: 1 },
    { economic_cooperation: 1 },
  ),
  own: {
    id: 'maturity.openness',
    axis: 'maturity',
    text: {
      fr: 'Votre organisation a-t-elle l’habitude de s’ouvrir à des acteurs extérieurs ?',
      en: 'Is your organisation used to opening up to outside actors?',
    },
    options: [
      option('a', 0, 'Rarement : nous travaillons surtout entre nous', 'Rarely: we mostly work among ourselves'),
      option('b', 1, 'Parfois, à l’occasion d’un projet', 'Sometimes, for a project'),
      option('c', 3, 'Souvent, c’est encouragé', 'Often, it is encouraged', { innovation: 1 }),
      option('d', 4, 'Toujours : c’est dans notre mission', 'Always: it is part of our mission', { engagement: 1, territory: 1 }),
    ],
  },
});
