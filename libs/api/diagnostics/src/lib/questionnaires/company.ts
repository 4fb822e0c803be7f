import { moneyQuestion, option, profileQuestionnaire, squareQuestion } from './questionnaire';

/** The self-diagnostic of a company: its activity, its CSR and what it can share with its territory. */
export const COMPANY_QUESTIONNAIRE = profileQuestionnaire('company', {
  version: 1,
  squares: [
    squareQuestion(
      'business_model',
      {
        fr: 'Ouvrir de nouveaux marchés ou de nouvelles sources de revenus avec des acteurs d’intérêt général : est-ce une attente ?',
        en: 'Opening new markets or revenue streams with public-interest organisations: is it something you expect?',
      },
      {
        fr: 'Par exemple une offre construite avec une association ou une collectivité.',
        en: 'For instance an offer built with an association or a local authority.',
      },
      { economic_cooperation: 2 },
    ),
    squareQuestion(
      'value_proposition',
      {
        fr: 'Faire évoluer vos produits ou services pour mieux répondre à des besoins sociaux ou environnementaux ?',
        en: 'Changing your products or services to better meet social or environmental needs?',
      },
      {
        fr: 'Votre proposition de valeur : ce que vos clients trouvent chez vous, et ce qu’elle apporte à la société.',
        en: 'Your value proposition: what your customers find with you, and what it brings to society.',
      },
      { societal_innovation: 2 },
    ),
    squareQuestion(
      'positioning',
      {
        fr: 'Renforcer votre ancrage territorial, votre marque employeur ou votre réputation par des engagements partagés ?',
        en: 'Strengthening your local roots, your employer brand or your reputation through shared commitments?',
      },
      {
        fr: 'Votre positionnement : la façon dont vos salariés, vos clients et votre territoire vous perçoivent.',
        en: 'Your positioning: how your employees, customers and territory see you.',
      },
      { philanthropy: 1, responsible_practices: 1 },
    ),
    squareQuestion(
      'processes',
      {
        fr: 'Transformer vos pratiques (achats, recrutement, environnement) avec l’appui de partenaires ?',
        en: 'Transforming your practices (purchasing, hiring, environment) with partners’ support?',
      },
      {
        fr: 'Par exemple acheter à une structure d’insertion ou recruter avec une association.',
        en: 'For instance buying from a work-integration enterprise or hiring with an association.',
      },
      { responsible_practices: 2 },
    ),
  ],
  people: { fr: 'dirigeants, responsables RSE, salariés volontaires', en: 'managers, CSR staff, volunteering employees' },
  money: moneyQuestion(
    {
      fr: 'Quelle part de vos ressources pourriez-vous engager dans des partenariats d’intérêt général (mécénat, projets communs) ?',
      en: 'What share of your resources could you commit to public-interest partnerships (sponsorship, joint projects)?',
    },
    { responsible_practices: 1 },
    { philanthropy: 2 },
  ),
  own: {
    id: 'maturity.csr',
    axis: 'maturity',
    text: {
      fr: 'Où en est votre démarche de responsabilité sociétale (RSE) ?',
      en: 'Where does your corporate social responsibility (CSR) approach stand?',
    },
    options: [
      option('a', 0, 'Nous n’en avons pas', 'We have none', { responsible_practices: 1 }),
      option('b', 1, 'Quelques actions, sans stratégie', 'A few actions, without a strategy', { responsible_practices: 1 }),
      option('c', 3, 'Une stratégie écrite, avec des engagements', 'A written strategy, with commitments'),
      option('d', 4, 'Elle est au cœur de notre modèle (raison d’être, mission)', 'It is at the heart of our model (purpose, mission)', {
        societal_innovation: 1,
      }),
    ],
  },
});
