import { moneyQuestion, option, profileQuestionnaire, squareQuestion } from './questionnaire';

/** The self-diagnostic of a local authority: its public policies and its role of convener on the territory. */
export const LOCAL_AUTHORITY_QUESTIONNAIRE = profileQuestionnaire('local_authority', {
  version: 1,
  squares: [
    squareQuestion(
      'business_model',
      {
        fr: 'Financer autrement vos politiques publiques (cofinancements, mutualisation, mobilisation d’acteurs privés) ?',
        en: 'Funding your public policies differently (co-funding, pooling, involving private actors)?',
      },
      {
        fr: 'Le modèle économique d’une collectivité : comment ses actions sont financées et par qui.',
        en: 'A local authority’s business model: how its actions are funded, and by whom.',
      },
      { economic_cooperation: 1 },
    ),
    squareQuestion(
      'value_proposition',
      {
        fr: 'Améliorer le service rendu aux habitants en vous appuyant sur les acteurs du territoire ?',
        en: 'Improving the service to residents by relying on the territory’s actors?',
      },
      {
        fr: 'Votre proposition de valeur : ce que les habitants attendent de vos services.',
        en: 'Your value proposition: what residents expect from your services.',
      },
      { societal_innovation: 2 },
    ),
    squareQuestion(
      'positioning',
      {
        fr: 'Affirmer votre rôle d’animateur du territoire, aux côtés des associations et des entreprises ?',
        en: 'Asserting your role as the territory’s convener, alongside associations and companies?',
      },
      {
        fr: 'Votre positionnement : votre place parmi les acteurs publics et privés du territoire.',
        en: 'Your positioning: your place among the territory’s public and private actors.',
      },
      { economic_cooperation: 1 },
    ),
    squareQuestion(
      'processes',
      {
        fr: 'Faire évoluer vos façons de faire (commande publique responsable, coconstruction, participation des habitants) ?',
        en: 'Changing your ways of working (responsible public procurement, co-design, residents’ participation)?',
      },
      {
        fr: 'Par exemple des clauses sociales dans vos marchés ou des instances ouvertes aux acteurs.',
        en: 'For instance social clauses in your contracts or bodies open to local actors.',
      },
      { responsible_practices: 2 },
    ),
  ],
  people: { fr: 'élus, agents, chargés de mission', en: 'elected members, officers, project managers' },
  money: moneyQuestion(
    {
      fr: 'Quels moyens pourriez-vous consacrer à des partenariats avec les acteurs du territoire ?',
      en: 'What means could you devote to partnerships with the territory’s actors?',
    },
    { responsible_practices: 1 },
    { economic_cooperation: 1, societal_innovation: 1 },
  ),
  own: {
    id: 'objectives.public_policy',
    axis: 'objectives',
    text: {
      fr: 'Une politique publique précise pourrait-elle s’appuyer sur une alliance ?',
      en: 'Could a specific public policy rely on an alliance?',
    },
    options: [
      option('a', 0, 'Nous ne savons pas encore laquelle', 'We do not know which one yet'),
      option('b', 2, 'Oui, plusieurs pistes sont à l’étude', 'Yes, several leads are being studied', { territory: 1 }),
      option('c', 3, 'Oui, une politique est identifiée', 'Yes, one policy is identified', { territory: 2 }),
      option('d', 4, 'Oui, et des acteurs sont déjà mobilisés', 'Yes, and actors are already involved', { territory: 2, engagement: 1 }),
    ],
  },
});
