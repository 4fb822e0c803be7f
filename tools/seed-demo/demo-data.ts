/**
 * The demo world (données de démonstration): French organisations of the seven actor profiles
 * (profils d'acteurs), their people, and alliances across every domain of docs/domain.md "Domains", at every stage
 * of their life. Every organisation is fictional; identifiers pass the official checks (SIREN Luhn,
 * RNA format) and territories are real INSEE codes. French terms sit next to the English ones.
 */
import type {
  CharterSectionKey,
  CollectiveObjective,
  ContributionKind,
  CreateAllianceRequest,
  InnovationStage,
  MagicSquare,
  OrganisationProfile,
  OrganisationRole,
  UpdateOrganisationProfileRequest,
} from '@alliances/shared/contracts';

/** Every demo address is on this reserved domain (RFC 2606), so nothing is ever delivered. */
export const DEMO_DOMAIN = 'demo.alliances.test';
/** Shared by every demo account; printed at the end of the seed. Override with SEED_DEMO_PASSWORD. */
export const DEFAULT_DEMO_PASSWORD = 'Alliances-demo-2026';

export interface DemoPerson {
  first: string;
  last: string;
  /** The first person of an organisation applies for it and is its admin. */
  role: OrganisationRole;
}

export interface DemoOrganisation {
  key: string;
  name: string;
  profile: OrganisationProfile;
  siren?: string;
  rna?: string;
  territoryCode: string;
  description: string;
  /** Équilibre de la maison: richesses humaines, ressources financières, alliances. */
  model?: { staff: number; volunteers: number; budgetEur: number; mix: string; alliances: number };
  people: DemoPerson[];
}

export const emailOf = (p: Pick<DemoPerson, 'first' | 'last'>): string =>
  `${p.first}.${p.last}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z.]+/g, '-')
    .toLowerCase() + `@${DEMO_DOMAIN}`;

export const ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'aidants',
    name: 'Réseau Aidants Solidaires',
    profile: 'association',
    rna: 'W691087452',
    territoryCode: '69123',
    description: 'Association lyonnaise qui accompagne les proches aidants : permanences, groupes de parole, répit.',
    model: { staff: 9, volunteers: 64, budgetEur: 480_000, mix: 'Subventions 45 %, mécénat 30 %, prestations 25 %', alliances: 6 },
    people: [
      { first: 'Camille', last: 'Martin', role: 'admin' },
      { first: 'Hugo', last: 'Bernard', role: 'signatory' },
      { first: 'Inès', last: 'Lefèvre', role: 'member' },
    ],
  },
  {
    key: 'mutuelle',
    name: 'Mutuelle Santé Avenir',
    profile: 'company',
    siren: '781944228',
    territoryCode: '59350',
    description: 'Mutuelle santé régionale engagée dans la prévention et l’accompagnement des salariés aidants.',
    model: { staff: 320, volunteers: 40, budgetEur: 61_000_000, mix: 'Cotisations 96 %, autres 4 %', alliances: 4 },
    people: [
      { first: 'Julien', last: 'Petit', role: 'admin' },
      { first: 'Sophie', last: 'Durand', role: 'signatory' },
      { first: 'Karim', last: 'Benali', role: 'member' },
    ],
  },
  {
    key: 'transports',
    name: 'Transports Verts du Rhône',
    profile: 'company',
    siren: '812645307',
    territoryCode: '69123',
    description: 'Coopérative de logistique urbaine à vélo-cargo et de mobilité partagée dans la métropole lyonnaise.',
    model: { staff: 58, volunteers: 0, budgetEur: 4_200_000, mix: 'Prestations 88 %, aides publiques 12 %', alliances: 3 },
    people: [
      { first: 'Léa', last: 'Moreau', role: 'admin' },
      { first: 'Thomas', last: 'Garnier', role: 'member' },
    ],
  },
  {
    key: 'velo',
    name: 'Collectif Vélo Croix-Rousse',
    profile: 'citizen_group',
    territoryCode: '69123',
    description: 'Collectif d’habitants pour des rues apaisées, des ateliers de réparation et des sorties à vélo.',
    people: [
      { first: 'Nora', last: 'Haddad', role: 'admin' },
      { first: 'Bastien', last: 'Roux', role: 'member' },
    ],
  },
  {
    key: 'energie',
    name: 'Énergies Citoyennes Occitanie',
    profile: 'company',
    siren: '839571122',
    territoryCode: '31555',
    description: 'Société coopérative d’intérêt collectif qui finance et exploite des centrales solaires citoyennes.',
    model: { staff: 14, volunteers: 120, budgetEur: 2_300_000, mix: 'Vente d’électricité 70 %, épargne citoyenne 30 %', alliances: 5 },
    people: [
      { first: 'Mathieu', last: 'Fabre', role: 'admin' },
      { first: 'Claire', last: 'Vidal', role: 'signatory' },
    ],
  },
  {
    key: 'numerique',
    name: 'Numérique Pour Tous 59',
    profile: 'association',
    rna: 'W595012876',
    territoryCode: '59512',
    description: 'Médiation numérique à Roubaix : ateliers, reconditionnement d’ordinateurs, accompagnement aux démarches en ligne.',
    model: { staff: 12, volunteers: 35, budgetEur: 640_000, mix: 'Subventions 55 %, mécénat 25 %, ventes solidaires 20 %', alliances: 7 },
    people: [
      { first: 'Yasmine', last: 'Cherif', role: 'admin' },
      { first: 'Antoine', last: 'Dupuis', role: 'signatory' },
      { first: 'Manon', last: 'Leroy', role: 'member' },
    ],
  },
  {
    key: 'emploi',
    name: 'Maison de l’Emploi Solidaire',
    profile: 'association',
    rna: 'W931004518',
    territoryCode: '93066',
    description: 'Accompagnement vers l’emploi des habitants de Seine-Saint-Denis : chantiers d’insertion, parrainage, formations.',
    model: { staff: 27, volunteers: 48, budgetEur: 1_900_000, mix: 'Fonds publics 60 %, fondations 25 %, entreprises 15 %', alliances: 9 },
    people: [
      { first: 'Aminata', last: 'Diallo', role: 'admin' },
      { first: 'Pierre', last: 'Lambert', role: 'signatory' },
    ],
  },
  {
    key: 'jardins',
    name: 'Les Jardins de la Rive',
    profile: 'association',
    rna: 'W442009731',
    territoryCode: '44109',
    description: 'Jardins partagés et maraîchage d’insertion à Nantes ; paniers solidaires pour les familles du quartier.',
    model: { staff: 6, volunteers: 90, budgetEur: 310_000, mix: 'Ventes 40 %, subventions 40 %, dons 20 %', alliances: 4 },
    people: [
      { first: 'Élodie', last: 'Guérin', role: 'admin' },
      { first: 'Samuel', last: 'Morel', role: 'member' },
    ],
  },
  {
    key: 'zerodechet',
    name: 'Collectif Zéro Déchet Nantes',
    profile: 'citizen_group',
    territoryCode: '44109',
    description: 'Habitants mobilisés contre le gaspillage alimentaire : glanage, frigos solidaires, ateliers cuisine.',
    people: [{ first: 'Lucie', last: 'Renaud', role: 'admin' }],
  },
  {
    key: 'habitat',
    name: 'Groupe Habitat Atlantique',
    profile: 'company',
    siren: '573201480',
    territoryCode: '33063',
    description: 'Bailleur et promoteur de logements abordables en Nouvelle-Aquitaine.',
    model: { staff: 410, volunteers: 0, budgetEur: 120_000_000, mix: 'Loyers 80 %, ventes 20 %', alliances: 3 },
    people: [
      { first: 'François', last: 'Girard', role: 'admin' },
      { first: 'Nathalie', last: 'Robin', role: 'signatory' },
    ],
  },
  {
    key: 'logement',
    name: 'Toit d’Abord Gironde',
    profile: 'association',
    rna: 'W332011654',
    territoryCode: '33063',
    description: 'Association d’accès au logement : intermédiation locative, accompagnement social, lutte contre l’habitat indigne.',
    people: [
      { first: 'Rachid', last: 'Mansouri', role: 'admin' },
      { first: 'Émilie', last: 'Faure', role: 'member' },
    ],
  },
  {
    key: 'fondation',
    name: 'Fondation Solidarités Territoires',
    profile: 'foundation',
    siren: '824517361',
    territoryCode: '75056',
    description: 'Fondation reconnue d’utilité publique qui soutient les alliances entre associations, entreprises et collectivités.',
    model: { staff: 11, volunteers: 15, budgetEur: 8_500_000, mix: 'Dotation et mécénat 100 %', alliances: 24 },
    people: [
      { first: 'Isabelle', last: 'Fontaine', role: 'admin' },
      { first: 'Olivier', last: 'Chevalier', role: 'member' },
    ],
  },
  {
    key: 'horizon',
    name: 'Fondation d’entreprise Horizon Commun',
    profile: 'foundation',
    siren: '851236471',
    territoryCode: '44109',
    description: 'Fondation d’entreprise dédiée à l’emploi et à l’alimentation durable dans l’Ouest et en Île-de-France.',
    people: [{ first: 'Marc', last: 'Aubert', role: 'admin' }],
  },
  {
    key: 'grenoble',
    name: 'Ville de Grenoble — direction de la santé publique',
    profile: 'local_authority',
    siren: '213801855',
    territoryCode: '38185',
    description: 'Service municipal de santé publique : prévention, santé mentale, contrat local de santé.',
    people: [
      { first: 'Anne', last: 'Perrin', role: 'admin' },
      { first: 'Vincent', last: 'Blanc', role: 'signatory' },
    ],
  },
  {
    key: 'departement93',
    name: 'Département de la Seine-Saint-Denis — insertion',
    profile: 'local_authority',
    siren: '229300082',
    territoryCode: '93',
    description: 'Direction de l’emploi, de l’insertion et de l’attractivité territoriale du Département.',
    people: [{ first: 'Fatou', last: 'Sow', role: 'admin' }],
  },
  {
    key: 'ars',
    name: 'Agence régionale de santé — délégation Isère',
    profile: 'public_institution',
    siren: '130008006',
    territoryCode: 'R84',
    description: 'Service de l’État chargé du pilotage régional de la santé ; délégation départementale de l’Isère.',
    people: [{ first: 'Christophe', last: 'Marchand', role: 'admin' }],
  },
  {
    key: 'universite',
    name: 'Université Grenoble Alpes — laboratoire d’innovation sociale',
    profile: 'academic',
    siren: '130026081',
    territoryCode: '38185',
    description: 'Laboratoire de recherche-action sur les partenariats d’intérêt général et l’évaluation partenariale.',
    people: [
      { first: 'Hélène', last: 'Mercier', role: 'admin' },
      { first: 'Arthur', last: 'Colin', role: 'member' },
    ],
  },
  {
    key: 'sport',
    name: 'Union Sportive des Quartiers Nord',
    profile: 'association',
    rna: 'W133021947',
    territoryCode: '13055',
    description: 'Club omnisports marseillais : football, boxe éducative, accompagnement scolaire des jeunes licenciés.',
    people: [
      { first: 'Mehdi', last: 'Bouzid', role: 'admin' },
      { first: 'Sarah', last: 'Nguyen', role: 'signatory' },
    ],
  },
  {
    key: 'theatre',
    name: 'Compagnie Théâtre en Partage',
    profile: 'association',
    rna: 'W632005318',
    territoryCode: '13055',
    description: 'Compagnie de théâtre participatif qui crée avec les habitants des quartiers.',
    people: [{ first: 'Gabriel', last: 'Rousseau', role: 'admin' }],
  },
  {
    key: 'lecture',
    name: 'Lire et Grandir Amiens',
    profile: 'association',
    rna: 'W802004113',
    territoryCode: '80021',
    description: 'Lecture partagée et accompagnement à la scolarité pour les enfants de 3 à 11 ans.',
    people: [
      { first: 'Chloé', last: 'Lemoine', role: 'admin' },
      { first: 'Victor', last: 'Caron', role: 'member' },
    ],
  },
];

export interface PartnerObjectiveSeed {
  square: MagicSquare[];
  expectations: string;
  contributions: { human?: string; financial?: string; material?: string; skills?: string };
}

export interface IndicatorSeed {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: 'increase' | 'decrease';
  owner: string;
  /** Share of the way to the target reached at each quarterly check-in, oldest first. */
  path: number[];
  notes?: string[];
}

export interface ObjectiveSeed {
  title: string;
  collectiveObjective: CollectiveObjective;
  description: string;
  indicators: IndicatorSeed[];
  milestones: { title: string; owner: string; monthsFromNow: number; done?: boolean }[];
  /** Which part of each partner's magic square the objective serves (matrice des bénéfices mutuels). */
  benefits: Record<string, MagicSquare[]>;
}

export interface EvaluationSeed {
  title: string;
  /** Mean score per organisation key (about 1–5); each person scatters around it. */
  mood: Record<string, number>;
  comments: string[];
  actions: { title: string; owner: string; monthsFromNow: number; charterSection?: CharterSectionKey }[];
}

/** An alliance as its lead creates it (CreateAllianceRequest), and all that happens in it afterwards. */
export interface AllianceSeed extends Omit<CreateAllianceRequest, 'organisationId'> {
  key: string;
  innovationStage: InnovationStage;
  lead: string;
  members: { org: string; role: 'partner' | 'funder' | 'observer' }[];
  objectives: Record<string, PartnerObjectiveSeed>;
  /** The need addressed (diagnostic partagé), and the impacts expected. */
  diagnosis: string;
  impacts: string;
  /** draft: being written; proposed: a version awaits signatures (signed by `signedBy`); in_force: all signed. */
  charter: 'draft' | 'proposed' | 'in_force';
  signedBy?: string[];
  sharedObjectives: ObjectiveSeed[];
  evaluations?: EvaluationSeed[];
  contributions?: { org: string; kind: ContributionKind; description: string; valuation: number }[];
  comments?: { author: string; on: 'alliance' | 'objective'; body: string; replies?: { author: string; body: string }[] }[];
  caseStudy?: { title: string; summary: string };
}

export const ALLIANCES: AllianceSeed[] = [
  {
    key: 'aidants-rhone',
    name: 'Alliance Aidants Salariés du Rhône',
    purpose:
      'Permettre aux salariés qui aident un proche de concilier travail, santé et rôle d’aidant, en mobilisant employeurs, mutuelle et associations.',
    category: 'societal_innovation',
    collectiveObjectives: ['engagement', 'territory'],
    domains: ['carers', 'health'],
    scale: 'local',
    territoryCodes: ['69123'],
    innovationStage: 'modelling',
    lead: 'aidants',
    members: [
      { org: 'mutuelle', role: 'partner' },
      { org: 'transports', role: 'partner' },
      { org: 'fondation', role: 'funder' },
      { org: 'universite', role: 'observer' },
    ],
    objectives: {
      aidants: {
        square: ['value_proposition', 'business_model'],
        expectations: 'Toucher les aidants là où ils travaillent et diversifier nos ressources.',
        contributions: { human: 'Deux coordinatrices', skills: 'Écoute et accompagnement des aidants' },
      },
      mutuelle: {
        square: ['value_proposition', 'positioning'],
        expectations: 'Prévenir l’épuisement des aidants parmi nos adhérents.',
        contributions: { financial: '30 000 € par an', skills: 'Prévention santé' },
      },
      transports: {
        square: ['processes'],
        expectations: 'Retenir nos salariés aidants et adapter l’organisation du travail.',
        contributions: { human: 'Référent RH aidants', material: 'Salles de réunion' },
      },
      fondation: {
        square: ['positioning'],
        expectations: 'Un modèle essaimable dans d’autres métropoles.',
        contributions: { financial: 'Subvention pluriannuelle' },
      },
    },
    diagnosis:
      'Un salarié sur cinq aide un proche malade, âgé ou handicapé ; la plupart ne le disent pas à leur employeur et s’épuisent. Les dispositifs existent mais restent méconnus.',
    impacts:
      'Moins d’arrêts de travail liés à l’épuisement, des aidants mieux informés de leurs droits, des employeurs qui adaptent l’organisation du travail.',
    charter: 'in_force',
    sharedObjectives: [
      {
        title: 'Repérer et accompagner les salariés aidants',
        collectiveObjective: 'engagement',
        description: 'Permanences en entreprise, ligne d’écoute et parcours d’accompagnement personnalisé.',
        indicators: [
          {
            name: 'Salariés aidants accompagnés',
            unit: 'personnes',
            baseline: 0,
            target: 300,
            direction: 'increase',
            owner: 'aidants',
            path: [0.12, 0.25, 0.41, 0.55, 0.66],
            notes: ['Lancement des permanences', '', 'Bonne dynamique chez Transports Verts', '', 'Deux nouveaux sites'],
          },
          {
            name: 'Taux d’absentéisme des salariés aidants',
            unit: '%',
            baseline: 9,
            target: 6,
            direction: 'decrease',
            owner: 'mutuelle',
            path: [0.05, 0.15, 0.2, 0.3, 0.36],
          },
        ],
        milestones: [
          { title: 'Ouverture des permanences dans les trois premiers sites', owner: 'aidants', monthsFromNow: -10, done: true },
          { title: 'Guide de l’employeur aidant publié', owner: 'mutuelle', monthsFromNow: 2 },
        ],
        benefits: { aidants: ['value_proposition'], mutuelle: ['value_proposition', 'positioning'], transports: ['processes'] },
      },
      {
        title: 'Faire évoluer les pratiques RH des employeurs',
        collectiveObjective: 'territory',
        description: 'Accords d’entreprise, horaires aménagés, dons de jours de repos.',
        indicators: [
          {
            name: 'Employeurs signataires de la charte aidants',
            unit: 'employeurs',
            baseline: 2,
            target: 25,
            direction: 'increase',
            owner: 'transports',
            path: [0.09, 0.17, 0.26, 0.3, 0.35],
            notes: ['', '', '', 'Relance nécessaire auprès des PME'],
          },
        ],
        milestones: [{ title: 'Forum des employeurs aidants', owner: 'transports', monthsFromNow: 4 }],
        benefits: { transports: ['processes', 'positioning'], mutuelle: ['positioning'] },
      },
    ],
    evaluations: [
      {
        title: 'Évaluation partenariale 2025',
        mood: { aidants: 3.7, mutuelle: 3.3, transports: 2.9 },
        comments: [
          'La gouvernance gagnerait à être plus lisible.',
          'Les permanences sont un vrai succès.',
          'Nous manquons de retours chiffrés réguliers.',
        ],
        actions: [
          {
            title: 'Comité de pilotage trimestriel avec ordre du jour partagé',
            owner: 'aidants',
            monthsFromNow: 1,
            charterSection: 'governance',
          },
        ],
      },
      {
        title: 'Évaluation partenariale 2026',
        mood: { aidants: 4.2, mutuelle: 3.9, transports: 3.6 },
        comments: [
          'Nette amélioration de la communication entre partenaires.',
          'Le tableau de bord partagé aide beaucoup.',
          'Il faut associer davantage les managers de proximité.',
        ],
        actions: [{ title: 'Former les managers de proximité au repérage des aidants', owner: 'transports', monthsFromNow: 5 }],
      },
    ],
    contributions: [
      { org: 'transports', kind: 'in_kind', description: 'Mise à disposition de salles pour les permanences', valuation: 4_800 },
      { org: 'mutuelle', kind: 'skills', description: 'Mécénat de compétences : ateliers prévention santé', valuation: 12_500 },
    ],
    comments: [
      {
        author: 'camille.martin',
        on: 'alliance',
        body: 'Bienvenue dans l’alliance ! Le prochain comité de pilotage aura lieu le premier mardi du mois.',
        replies: [{ author: 'julien.petit', body: 'Merci Camille, nous serons présents avec Sophie.' }],
      },
      {
        author: 'lea.moreau',
        on: 'objective',
        body: 'Nos équipes de nuit ont du mal à venir aux permanences : peut-on prévoir un créneau en soirée ?',
      },
    ],
    caseStudy: {
      title: 'Des permanences aidants au cœur des entreprises lyonnaises',
      summary:
        'Une association d’aidants, une mutuelle et une coopérative de transport ont ouvert des permanences dans les entreprises. En deux ans, près de 200 salariés aidants ont été accompagnés et l’absentéisme a commencé à baisser.',
    },
  },
  {
    key: 'mobilites-lyon',
    name: 'Mobilités Douces Lyon Nord',
    purpose: 'Développer la logistique à vélo-cargo et les déplacements à vélo des habitants du nord de Lyon.',
    category: 'economic_cooperation',
    collectiveObjectives: ['territory', 'innovation'],
    domains: ['mobility', 'environment'],
    scale: 'intercommunal',
    territoryCodes: ['69123', '69'],
    innovationStage: 'experimentation',
    lead: 'velo',
    members: [{ org: 'transports', role: 'partner' }],
    objectives: {
      velo: {
        square: ['value_proposition'],
        expectations: 'Des rues plus sûres et un atelier de réparation pérenne.',
        contributions: { human: 'Bénévoles des ateliers' },
      },
      transports: {
        square: ['business_model', 'positioning'],
        expectations: 'De nouveaux clients pour la logistique du dernier kilomètre.',
        contributions: { material: 'Vélos-cargos en prêt', skills: 'Maintenance' },
      },
    },
    diagnosis:
      'Le nord de Lyon concentre les livraisons en camionnette et les trajets courts en voiture ; les habitants demandent des alternatives sûres.',
    impacts:
      'Moins de camionnettes en centre-ville, plus d’habitants qui se déplacent à vélo, des emplois locaux dans la logistique douce.',
    charter: 'in_force',
    sharedObjectives: [
      {
        title: 'Remplacer les livraisons en camionnette par le vélo-cargo',
        collectiveObjective: 'innovation',
        description: 'Mutualiser une flotte de vélos-cargos pour les commerces du quartier.',
        indicators: [
          {
            name: 'Livraisons réalisées à vélo-cargo',
            unit: 'livraisons/mois',
            baseline: 150,
            target: 2000,
            direction: 'increase',
            owner: 'transports',
            path: [0.1, 0.22, 0.3, 0.34],
            notes: ['', 'Deux nouveaux commerces', '', 'Hiver difficile'],
          },
        ],
        milestones: [{ title: 'Deuxième hub de quartier ouvert', owner: 'transports', monthsFromNow: 3 }],
        benefits: { transports: ['business_model'], velo: ['value_proposition'] },
      },
    ],
  },
  {
    key: 'energie-toulouse',
    name: 'Énergie Partagée Toulousaine',
    purpose: 'Couvrir les toits des écoles et gymnases de centrales solaires financées par les habitants.',
    category: 'societal_innovation',
    collectiveObjectives: ['engagement', 'innovation'],
    domains: ['energy', 'environment'],
    scale: 'local',
    territoryCodes: ['31555'],
    innovationStage: 'emergence',
    lead: 'energie',
    members: [
      { org: 'velo', role: 'partner' },
      { org: 'fondation', role: 'funder' },
    ],
    objectives: {
      energie: {
        square: ['business_model'],
        expectations: 'Des toitures publiques et une épargne citoyenne mobilisée.',
        contributions: { skills: 'Ingénierie photovoltaïque', financial: 'Fonds propres' },
      },
      velo: {
        square: ['value_proposition'],
        expectations: 'Mobiliser les habitants autour d’un projet concret.',
        contributions: { human: 'Animation de réunions publiques' },
      },
    },
    diagnosis: 'Les toitures publiques restent inexploitées alors que les habitants veulent agir pour la transition énergétique.',
    impacts: 'Une électricité locale et renouvelable, des habitants actionnaires, des recettes pour de nouveaux projets.',
    charter: 'proposed',
    signedBy: ['energie'],
    sharedObjectives: [
      {
        title: 'Installer des centrales solaires citoyennes',
        collectiveObjective: 'innovation',
        description: 'Cinq toitures d’écoles équipées d’ici trois ans.',
        indicators: [
          {
            name: 'Puissance installée',
            unit: 'kWc',
            baseline: 0,
            target: 500,
            direction: 'increase',
            owner: 'energie',
            path: [0.05, 0.1],
          },
        ],
        milestones: [{ title: 'Étude de faisabilité des cinq toitures', owner: 'energie', monthsFromNow: 1 }],
        benefits: { energie: ['business_model'] },
      },
    ],
  },
  {
    key: 'numerique-roubaix',
    name: 'Inclusion Numérique Roubaix',
    purpose: 'Qu’aucun habitant de Roubaix ne renonce à ses droits faute d’équipement ou de savoir-faire numérique.',
    category: 'philanthropy',
    collectiveObjectives: ['engagement', 'territory'],
    domains: ['digital', 'education'],
    scale: 'local',
    territoryCodes: ['59512'],
    innovationStage: 'scaling',
    lead: 'numerique',
    members: [
      { org: 'mutuelle', role: 'partner' },
      { org: 'fondation', role: 'funder' },
    ],
    objectives: {
      numerique: {
        square: ['business_model', 'value_proposition'],
        expectations: 'Pérenniser nos ateliers et étendre le reconditionnement.',
        contributions: { human: 'Médiateurs numériques', skills: 'Pédagogie' },
      },
      mutuelle: {
        square: ['positioning'],
        expectations: 'Aider nos adhérents âgés à utiliser nos services en ligne.',
        contributions: { material: 'Ordinateurs réformés', financial: '15 000 € par an' },
      },
    },
    diagnosis: 'À Roubaix, un habitant sur trois est éloigné du numérique ; la dématérialisation des démarches le prive de droits.',
    impacts: 'Des habitants autonomes en ligne, des droits ouverts, des ordinateurs reconditionnés plutôt que jetés.',
    charter: 'in_force',
    sharedObjectives: [
      {
        title: 'Rendre les habitants autonomes dans leurs démarches en ligne',
        collectiveObjective: 'engagement',
        description: 'Ateliers collectifs et accompagnement individuel.',
        indicators: [
          {
            name: 'Habitants formés',
            unit: 'personnes',
            baseline: 0,
            target: 800,
            direction: 'increase',
            owner: 'numerique',
            path: [0.2, 0.38, 0.55, 0.72, 0.86, 1.02],
            notes: ['', '', '', '', '', 'Objectif atteint, bravo à l’équipe !'],
          },
          {
            name: 'Ordinateurs reconditionnés distribués',
            unit: 'ordinateurs',
            baseline: 0,
            target: 400,
            direction: 'increase',
            owner: 'mutuelle',
            path: [0.1, 0.25, 0.4, 0.52, 0.6, 0.7],
          },
        ],
        milestones: [{ title: 'Atelier de reconditionnement ouvert', owner: 'numerique', monthsFromNow: -8, done: true }],
        benefits: { numerique: ['value_proposition', 'business_model'], mutuelle: ['positioning'] },
      },
    ],
    evaluations: [
      {
        title: 'Bilan de l’alliance 2026',
        mood: { numerique: 4.3, mutuelle: 3.8 },
        comments: ['Partenariat équilibré et confiant.', 'Les ordinateurs arrivent parfois tard.'],
        actions: [{ title: 'Calendrier de collecte des ordinateurs réformés', owner: 'mutuelle', monthsFromNow: 2 }],
      },
    ],
    contributions: [{ org: 'mutuelle', kind: 'in_kind', description: '120 ordinateurs réformés donnés', valuation: 18_000 }],
    comments: [
      {
        author: 'yasmine.cherif',
        on: 'objective',
        body: 'Objectif des 800 habitants formés atteint ! On propose de le relever à 1 000 pour l’an prochain ?',
        replies: [{ author: 'julien.petit', body: 'D’accord sur le principe ; voyons d’abord si nous suivons côté ordinateurs.' }],
      },
    ],
    caseStudy: {
      title: 'Roubaix : une mutuelle et une association contre l’exclusion numérique',
      summary:
        'Une association de médiation numérique et une mutuelle ont associé ateliers et reconditionnement d’ordinateurs. Plus de 800 habitants ont été formés et 280 ordinateurs ont trouvé une seconde vie.',
    },
  },
  {
    key: 'emploi-93',
    name: 'Emploi et Compétences en Seine-Saint-Denis',
    purpose: 'Rapprocher les habitants éloignés de l’emploi des entreprises qui recrutent, par le parrainage et la formation.',
    category: 'responsible_practices',
    collectiveObjectives: ['territory', 'performance'],
    domains: ['employment'],
    scale: 'departmental',
    territoryCodes: ['93'],
    innovationStage: 'scaling',
    lead: 'emploi',
    members: [
      { org: 'departement93', role: 'partner' },
      { org: 'habitat', role: 'partner' },
      { org: 'horizon', role: 'funder' },
    ],
    objectives: {
      emploi: {
        square: ['value_proposition'],
        expectations: 'Plus d’offres d’emploi pour nos publics.',
        contributions: { human: 'Conseillers en insertion' },
      },
      departement93: {
        square: ['positioning', 'processes'],
        expectations: 'Réduire la durée au RSA.',
        contributions: { financial: 'Cofinancement des parcours' },
      },
      habitat: {
        square: ['processes'],
        expectations: 'Recruter localement sur nos chantiers.',
        contributions: { human: 'Parrains salariés', material: 'Chantiers-écoles' },
      },
    },
    diagnosis: 'Le département compte de nombreux emplois non pourvus dans le bâtiment alors que le chômage des jeunes reste élevé.',
    impacts: 'Des retours à l’emploi durables, des entreprises qui recrutent localement, un territoire plus attractif.',
    charter: 'in_force',
    sharedObjectives: [
      {
        title: 'Retours à l’emploi durables',
        collectiveObjective: 'territory',
        description: 'Parcours de formation et parrainage vers les métiers du bâtiment.',
        indicators: [
          {
            name: 'Personnes en emploi durable à six mois',
            unit: 'personnes',
            baseline: 0,
            target: 150,
            direction: 'increase',
            owner: 'emploi',
            path: [0.08, 0.19, 0.33, 0.45],
          },
          {
            name: 'Durée moyenne de recherche d’emploi',
            unit: 'mois',
            baseline: 14,
            target: 8,
            direction: 'decrease',
            owner: 'departement93',
            path: [0.05, 0.1, 0.12, 0.15],
            notes: ['', '', 'Les délais de formation allongent les parcours'],
          },
        ],
        milestones: [{ title: 'Première promotion du chantier-école', owner: 'habitat', monthsFromNow: -3, done: true }],
        benefits: { emploi: ['value_proposition'], habitat: ['processes'], departement93: ['processes'] },
      },
    ],
    evaluations: [
      {
        title: 'Évaluation à mi-parcours',
        mood: { emploi: 3.9, departement93: 3.5, habitat: 3.2 },
        comments: ['Le parrainage fonctionne bien.', 'Les circuits de décision du Département sont longs.'],
        actions: [
          { title: 'Raccourcir la validation des parcours', owner: 'departement93', monthsFromNow: 3, charterSection: 'governance' },
        ],
      },
    ],
    contributions: [{ org: 'habitat', kind: 'volunteer_time', description: '300 heures de parrainage par des salariés', valuation: 9_600 }],
    comments: [
      {
        author: 'fatou.sow',
        on: 'objective',
        body: 'Nous pouvons valider les parcours en deux semaines au lieu de six à partir de septembre.',
        replies: [{ author: 'aminata.diallo', body: 'Excellente nouvelle, merci Fatou : cela débloque la promotion de rentrée.' }],
      },
      { author: 'francois.girard', on: 'alliance', body: 'Le chantier-école de Saint-Denis accueillera douze stagiaires en octobre.' },
    ],
  },
  {
    key: 'alimentation-nantes',
    name: 'Alimentation Durable Nantes Sud',
    purpose: 'Une alimentation saine, locale et accessible pour les familles du quartier, sans gaspillage.',
    category: 'philanthropy',
    collectiveObjectives: ['engagement', 'territory'],
    domains: ['food', 'environment'],
    scale: 'local',
    territoryCodes: ['44109'],
    innovationStage: 'emergence',
    lead: 'jardins',
    members: [
      { org: 'zerodechet', role: 'partner' },
      { org: 'horizon', role: 'partner' },
    ],
    objectives: {
      jardins: {
        square: ['value_proposition'],
        expectations: 'Écouler nos récoltes auprès des familles.',
        contributions: { material: 'Légumes du maraîchage' },
      },
      zerodechet: {
        square: ['value_proposition'],
        expectations: 'Réduire le gaspillage dans le quartier.',
        contributions: { human: 'Bénévoles du glanage' },
      },
      horizon: {
        square: ['positioning'],
        expectations: 'Un projet exemplaire pour nos salariés bénévoles.',
        contributions: { financial: 'Mécénat', human: 'Salariés bénévoles' },
      },
    },
    diagnosis: 'Dans le quartier, les familles modestes accèdent difficilement aux produits frais alors que des invendus sont jetés.',
    impacts: 'Des paniers accessibles, moins de gaspillage, des habitants qui cuisinent ensemble.',
    charter: 'draft',
    sharedObjectives: [
      {
        title: 'Paniers solidaires pour les familles',
        collectiveObjective: 'engagement',
        description: 'Paniers de légumes à prix solidaire et ateliers cuisine.',
        indicators: [
          {
            name: 'Familles bénéficiaires',
            unit: 'familles',
            baseline: 0,
            target: 120,
            direction: 'increase',
            owner: 'jardins',
            path: [0.1],
          },
        ],
        milestones: [{ title: 'Première distribution', owner: 'jardins', monthsFromNow: 1 }],
        benefits: { jardins: ['value_proposition'], zerodechet: ['value_proposition'] },
      },
    ],
  },
  {
    key: 'habitat-bordeaux',
    name: 'Habitat Digne Bordeaux',
    purpose: 'Sortir les ménages de l’habitat indigne grâce à des logements abordables et un accompagnement social.',
    category: 'economic_cooperation',
    collectiveObjectives: ['territory', 'performance'],
    domains: ['housing'],
    scale: 'local',
    territoryCodes: ['33063'],
    innovationStage: 'experimentation',
    lead: 'habitat',
    members: [
      { org: 'logement', role: 'partner' },
      { org: 'fondation', role: 'funder' },
    ],
    objectives: {
      habitat: {
        square: ['business_model', 'positioning'],
        expectations: 'Louer des logements à des ménages accompagnés, sans impayés.',
        contributions: { material: '40 logements réservés' },
      },
      logement: {
        square: ['value_proposition'],
        expectations: 'Des logements pour les ménages que nous suivons.',
        contributions: { human: 'Travailleurs sociaux', skills: 'Accompagnement social lié au logement' },
      },
    },
    diagnosis: 'À Bordeaux, des centaines de ménages vivent dans des logements indignes faute d’accès au parc social.',
    impacts: 'Des ménages relogés durablement, des impayés évités, un parc privé rénové.',
    charter: 'in_force',
    sharedObjectives: [
      {
        title: 'Reloger les ménages en habitat indigne',
        collectiveObjective: 'territory',
        description: 'Intermédiation locative et accompagnement de douze mois.',
        indicators: [
          {
            name: 'Ménages relogés',
            unit: 'ménages',
            baseline: 0,
            target: 40,
            direction: 'increase',
            owner: 'logement',
            path: [0.05, 0.1, 0.15, 0.18],
            notes: ['', '', 'Livraison de logements retardée'],
          },
          {
            name: 'Taux d’impayés',
            unit: '%',
            baseline: 6,
            target: 2,
            direction: 'decrease',
            owner: 'habitat',
            path: [0.2, 0.4, 0.55, 0.7],
          },
        ],
        milestones: [{ title: 'Livraison de la résidence Bastide', owner: 'habitat', monthsFromNow: -1 }],
        benefits: { habitat: ['business_model'], logement: ['value_proposition'] },
      },
    ],
  },
  {
    key: 'sante-mentale-isere',
    name: 'Santé Mentale des Jeunes en Isère',
    purpose: 'Repérer plus tôt la souffrance psychique des 15–25 ans et raccourcir l’accès aux soins.',
    category: 'societal_innovation',
    collectiveObjectives: ['innovation', 'territory'],
    domains: ['health', 'education'],
    scale: 'regional',
    territoryCodes: ['R84', '38185'],
    innovationStage: 'experimentation',
    lead: 'grenoble',
    members: [
      { org: 'ars', role: 'partner' },
      { org: 'universite', role: 'partner' },
      { org: 'mutuelle', role: 'observer' },
    ],
    objectives: {
      grenoble: {
        square: ['processes'],
        expectations: 'Un parcours coordonné à l’échelle de la ville.',
        contributions: { human: 'Coordinatrice du conseil local de santé mentale' },
      },
      ars: {
        square: ['positioning'],
        expectations: 'Un modèle transposable aux autres départements.',
        contributions: { financial: 'Crédits d’expérimentation' },
      },
      universite: {
        square: ['value_proposition'],
        expectations: 'Un terrain de recherche-action.',
        contributions: { skills: 'Évaluation scientifique' },
      },
    },
    diagnosis: 'Les délais d’accès aux soins psychiques des jeunes dépassent six mois ; les premiers signes sont repérés trop tard.',
    impacts: 'Des jeunes orientés plus tôt, des professionnels formés au repérage, des délais réduits.',
    charter: 'proposed',
    signedBy: ['grenoble', 'universite'],
    sharedObjectives: [
      {
        title: 'Former les adultes au contact des jeunes au repérage',
        collectiveObjective: 'innovation',
        description: 'Formations premiers secours en santé mentale pour animateurs, enseignants et éducateurs.',
        indicators: [
          {
            name: 'Adultes formés au repérage',
            unit: 'personnes',
            baseline: 0,
            target: 600,
            direction: 'increase',
            owner: 'grenoble',
            path: [0.08, 0.2, 0.31],
          },
        ],
        milestones: [{ title: 'Convention avec l’Éducation nationale', owner: 'ars', monthsFromNow: 2 }],
        benefits: { grenoble: ['processes'], universite: ['value_proposition'] },
      },
    ],
  },
  {
    key: 'quartiers-nord',
    name: 'Culture et Sport dans les Quartiers Nord',
    purpose: 'Ouvrir le sport et la création artistique à tous les jeunes des quartiers nord de Marseille.',
    category: 'philanthropy',
    collectiveObjectives: ['engagement'],
    domains: ['sport', 'culture'],
    scale: 'local',
    territoryCodes: ['13055'],
    innovationStage: 'modelling',
    lead: 'sport',
    members: [
      { org: 'theatre', role: 'partner' },
      { org: 'fondation', role: 'funder' },
    ],
    objectives: {
      sport: {
        square: ['value_proposition'],
        expectations: 'Garder les adolescents, surtout les filles, dans le club.',
        contributions: { human: 'Éducateurs sportifs', material: 'Gymnase' },
      },
      theatre: {
        square: ['value_proposition', 'business_model'],
        expectations: 'De nouveaux publics et des résidences de création.',
        contributions: { skills: 'Ateliers de théâtre' },
      },
    },
    diagnosis:
      'Les jeunes des quartiers nord abandonnent le sport à l’adolescence, les filles en particulier, et fréquentent peu les lieux culturels.',
    impacts: 'Plus de jeunes licenciés qui restent, des créations partagées avec les habitants, des liens entre générations.',
    charter: 'in_force',
    sharedObjectives: [
      {
        title: 'Garder les adolescentes dans la pratique sportive',
        collectiveObjective: 'engagement',
        description: 'Créneaux dédiés, boxe éducative et ateliers de théâtre-forum.',
        indicators: [
          {
            name: 'Licenciées de 12 à 17 ans',
            unit: 'licenciées',
            baseline: 40,
            target: 120,
            direction: 'increase',
            owner: 'sport',
            path: [0.15, 0.3, 0.52, 0.6],
            notes: ['', '', 'Succès du créneau boxe éducative'],
          },
        ],
        milestones: [{ title: 'Spectacle de fin de saison', owner: 'theatre', monthsFromNow: 3 }],
        benefits: { sport: ['value_proposition'], theatre: ['value_proposition'] },
      },
    ],
    contributions: [{ org: 'sport', kind: 'in_kind', description: 'Gymnase mis à disposition le samedi', valuation: 3_600 }],
    comments: [
      {
        author: 'gabriel.rousseau',
        on: 'alliance',
        body: 'Répétition générale du théâtre-forum le 14 au gymnase : toutes les licenciées sont invitées.',
      },
    ],
  },
  {
    key: 'lecture-amiens',
    name: 'Lecture et Réussite Éducative à Amiens',
    purpose: 'Donner le goût de la lecture aux enfants des quartiers prioritaires, avec leurs parents.',
    category: 'responsible_practices',
    collectiveObjectives: ['engagement'],
    domains: ['education', 'culture'],
    scale: 'local',
    territoryCodes: ['80021'],
    innovationStage: 'emergence',
    lead: 'lecture',
    members: [{ org: 'numerique', role: 'partner' }],
    objectives: {
      lecture: {
        square: ['value_proposition'],
        expectations: 'Toucher les familles qui ne viennent pas à la bibliothèque.',
        contributions: { human: 'Bénévoles lecteurs' },
      },
      numerique: {
        square: ['value_proposition'],
        expectations: 'Proposer des livres numériques et des tablettes en prêt.',
        contributions: { material: 'Tablettes reconditionnées' },
      },
    },
    diagnosis: 'Un enfant sur quatre entre au CP sans avoir eu de livre à la maison.',
    impacts: 'Des enfants qui lisent chaque jour, des parents qui lisent avec eux.',
    charter: 'draft',
    sharedObjectives: [
      {
        title: 'Lecture partagée en famille',
        collectiveObjective: 'engagement',
        description: 'Séances de lecture à domicile et prêt de livres.',
        indicators: [
          { name: 'Familles accompagnées', unit: 'familles', baseline: 0, target: 80, direction: 'increase', owner: 'lecture', path: [] },
        ],
        milestones: [{ title: 'Recrutement des bénévoles lecteurs', owner: 'lecture', monthsFromNow: 1 }],
        benefits: { lecture: ['value_proposition'] },
      },
    ],
  },
];

export interface GrantSeed {
  alliance: string;
  funder: string;
  amount: number;
  startsOn: string;
  endsOn: string;
  conditions: string;
  tranches: { amount: number; dueOn: string; requiresReport?: number; paid?: boolean }[];
  reports: { title: string; dueOn: string; submission?: string; approved?: boolean }[];
}

/** The foundations' grants (subventions), tranches (versements) and reporting milestones. */
export const GRANTS: GrantSeed[] = [
  {
    alliance: 'aidants-rhone',
    funder: 'fondation',
    amount: 90_000,
    startsOn: '2025-01-01',
    endsOn: '2027-12-31',
    conditions: 'Rapport d’activité annuel ; présence de la fondation au comité de pilotage une fois par an.',
    tranches: [
      { amount: 30_000, dueOn: '2025-02-01', paid: true },
      { amount: 30_000, dueOn: '2026-02-01', requiresReport: 0, paid: true },
      { amount: 30_000, dueOn: '2027-02-01', requiresReport: 1 },
    ],
    reports: [
      {
        title: 'Rapport d’activité 2025',
        dueOn: '2025-12-31',
        submission: 'Permanences ouvertes dans trois entreprises, 120 salariés aidants accompagnés, forum des employeurs en préparation.',
        approved: true,
      },
      { title: 'Rapport d’activité 2026', dueOn: '2026-12-31' },
    ],
  },
  {
    alliance: 'numerique-roubaix',
    funder: 'fondation',
    amount: 45_000,
    startsOn: '2025-06-01',
    endsOn: '2026-12-31',
    conditions: 'Bilan chiffré des habitants formés et des ordinateurs distribués.',
    tranches: [
      { amount: 25_000, dueOn: '2025-06-15', paid: true },
      { amount: 20_000, dueOn: '2026-09-01', requiresReport: 0 },
    ],
    reports: [
      {
        title: 'Bilan intermédiaire',
        dueOn: '2026-03-31',
        submission: '650 habitants formés, 210 ordinateurs distribués ; atelier de reconditionnement ouvert.',
      },
    ],
  },
  {
    alliance: 'quartiers-nord',
    funder: 'fondation',
    amount: 30_000,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    conditions: 'Une attention particulière à la participation des filles.',
    tranches: [
      { amount: 15_000, dueOn: '2026-01-15', paid: true },
      { amount: 15_000, dueOn: '2026-07-01', requiresReport: 0 },
    ],
    reports: [{ title: 'Point d’étape', dueOn: '2026-04-30' }],
  },
  {
    alliance: 'energie-toulouse',
    funder: 'fondation',
    amount: 20_000,
    startsOn: '2026-03-01',
    endsOn: '2027-02-28',
    conditions: 'Étude de faisabilité partagée avec la fondation.',
    tranches: [{ amount: 20_000, dueOn: '2026-04-01' }],
    reports: [],
  },
  {
    alliance: 'emploi-93',
    funder: 'horizon',
    amount: 60_000,
    startsOn: '2025-09-01',
    endsOn: '2027-08-31',
    conditions: 'Suivi à six mois des personnes accompagnées.',
    tranches: [
      { amount: 30_000, dueOn: '2025-09-15', paid: true },
      { amount: 30_000, dueOn: '2026-09-15', requiresReport: 0 },
    ],
    reports: [{ title: 'Bilan de la première année', dueOn: '2026-08-31' }],
  },
];

// Self-diagnostic (issue 14) -------------------------------------------------------------------------

/**
 * Two self-diagnostics of the carers' association, taken one after the other so that its history
 * compares them: the option it picks in every question (0 = the first), a modest first take, a
 * better second one.
 */
export const DEMO_DIAGNOSTICS: { organisation: string; takes: { option: number }[] } = {
  organisation: 'aidants',
  takes: [{ option: 1 }, { option: 2 }],
};
// End of self-diagnostic ------------------------------------------------------------------------------

/** The charter's standing sections, filled for one alliance from its seed. */
export function charterSections(a: AllianceSeed, name: (orgKey: string) => string): Record<CharterSectionKey, string[]> {
  const signers = [a.lead, ...a.members.filter((m) => m.role === 'partner').map((m) => m.org)];
  const funders = a.members.filter((m) => m.role === 'funder').map((m) => name(m.org));
  return {
    context: [a.diagnosis, `Les partenaires partagent ce diagnostic et décident de faire alliance : ${signers.map(name).join(', ')}.`],
    common_objective: [a.purpose, `Impacts attendus : ${a.impacts}`],
    partners: signers.map((org) => {
      const o = a.objectives[org];
      const gives = Object.values(o?.contributions ?? {})
        .filter(Boolean)
        .join(', ');
      return `${name(org)} — attentes : ${o?.expectations ?? 'à préciser'} Apports : ${gives || 'à préciser'}.`;
    }),
    values: [
      'Confiance, réciprocité, transparence et respect de l’identité de chacun guident l’alliance.',
      'Chaque partenaire dit ce qu’il attend et ce qu’il apporte ; aucun ne parle au nom des autres.',
    ],
    governance: [
      `Un comité de pilotage réunit un représentant de chaque partenaire tous les trimestres ; ${name(a.lead)} en assure l’animation.`,
      'Les décisions se prennent par consensus ; à défaut, à la majorité des deux tiers des partenaires signataires.',
    ],
    resources: [
      'Chaque partenaire engage les moyens décrits dans la section 3 et les valorise chaque année.',
      funders.length
        ? `Soutien financier : ${funders.join(', ')}, selon les conventions signées avec chacun.`
        : 'L’alliance recherche un financement complémentaire.',
    ],
    evaluation: [
      'Les indicateurs partagés sont mis à jour chaque trimestre.',
      'Une évaluation partenariale annuelle mesure la relation, les résultats et les impacts pour chacun ; ses conclusions alimentent un plan d’action.',
    ],
    communication: [
      'Toute communication sur l’alliance cite l’ensemble des partenaires.',
      'Les productions communes sont publiées sous licence Creative Commons BY-SA.',
    ],
    duration: [
      'La charte vaut pour trois ans, renouvelable.',
      'Un partenaire peut se retirer avec un préavis de trois mois ; les différends sont d’abord portés devant le comité de pilotage, puis devant un médiateur choisi ensemble.',
    ],
  };
}

// ------------------------------------------------------------------------------------------------
// Partner directory (issue 14, annuaire des partenaires): the profiles the demo organisations list,
// across several régions; Lyon (Auvergne-Rhône-Alpes) has a listed association and a listed company.
// Organisations not named here stay out of the directory.
// ------------------------------------------------------------------------------------------------

/** A demo organisation's partnering profile, sent as `PATCH /api/organisations/:id` by its admin. */
export type DirectoryProfileSeed = Required<Pick<UpdateOrganisationProfileRequest, 'domains' | 'seeks' | 'offers' | 'openToAlliances'>> &
  Pick<UpdateOrganisationProfileRequest, 'website' | 'houseModel'>;

export const DIRECTORY_PROFILES: Record<string, DirectoryProfileSeed> = {
  // Auvergne-Rhône-Alpes
  aidants: {
    website: 'https://aidants-solidaires.demo.alliances.test',
    domains: ['carers', 'health', 'employment'],
    seeks: ['financial', 'skills', 'value_proposition'],
    offers: ['human', 'network', 'processes'],
    openToAlliances: true,
    houseModel: {
      humanResources: { staff: 9, volunteers: 64, note: 'Une équipe salariée resserrée, portée par ses bénévoles aidants.' },
      financialResources: { annualBudgetEur: 480_000, mix: 'Subventions 45 %, mécénat 30 %, prestations 25 %' },
      alliances: { count: 6, kinds: 'Entreprises employeuses d’aidants, mutuelle, collectivités' },
    },
  },
  transports: {
    website: 'https://transports-verts.demo.alliances.test',
    domains: ['mobility', 'environment', 'employment'],
    seeks: ['positioning', 'network', 'human'],
    offers: ['skills', 'material', 'financial'],
    openToAlliances: true,
    houseModel: {
      humanResources: { staff: 58, volunteers: 0 },
      financialResources: { annualBudgetEur: 4_200_000, mix: 'Prestations 88 %, aides publiques 12 %' },
      alliances: { count: 3, kinds: 'Associations d’insertion, collectifs cyclistes' },
    },
  },
  velo: {
    domains: ['mobility', 'sport'],
    seeks: ['material', 'financial'],
    offers: ['human', 'network'],
    openToAlliances: true,
    houseModel: { humanResources: { staff: 0, volunteers: 40, note: 'Collectif d’habitants, sans salarié.' } },
  },
  universite: {
    domains: ['education', 'digital'],
    seeks: ['network', 'processes'],
    offers: ['skills', 'value_proposition'],
    openToAlliances: false,
  },
  // Hauts-de-France
  mutuelle: {
    domains: ['health', 'carers'],
    seeks: ['value_proposition', 'network'],
    offers: ['financial', 'skills'],
    openToAlliances: true,
  },
  numerique: {
    domains: ['digital', 'education', 'employment'],
    seeks: ['financial', 'material'],
    offers: ['skills', 'human'],
    openToAlliances: true,
  },
  // Occitanie
  energie: {
    website: 'https://energies-citoyennes.demo.alliances.test',
    domains: ['energy', 'environment'],
    seeks: ['network', 'financial'],
    offers: ['skills', 'business_model'],
    openToAlliances: true,
  },
  // Île-de-France
  emploi: {
    domains: ['employment', 'education'],
    seeks: ['financial', 'positioning'],
    offers: ['human', 'processes', 'network'],
    openToAlliances: true,
  },
  fondation: {
    website: 'https://fondation-solidarites-territoires.demo.alliances.test',
    domains: ['employment', 'carers', 'housing', 'food'],
    seeks: ['value_proposition', 'network'],
    offers: ['financial', 'skills', 'network'],
    openToAlliances: true,
  },
  // Pays de la Loire
  jardins: {
    domains: ['food', 'environment', 'employment'],
    seeks: ['financial', 'material'],
    offers: ['human', 'value_proposition'],
    openToAlliances: true,
  },
  // Nouvelle-Aquitaine
  habitat: {
    domains: ['housing'],
    seeks: ['positioning', 'human'],
    offers: ['material', 'financial'],
    openToAlliances: false,
  },
  // Provence-Alpes-Côte d'Azur
  sport: {
    domains: ['sport', 'education'],
    seeks: ['financial', 'material', 'skills'],
    offers: ['human', 'network'],
    openToAlliances: true,
  },
};

// ------------------------------------------------------------------------------------------------
// Observatory (issue 18, observatoire des alliances): twelve smaller alliances in two régions
// (Auvergne-Rhône-Alpes, Hauts-de-France) and two categories (mécénat, innovation sociétale), each
// evaluated once, which take part in the observatory with every partner's consent; with the Rhône and
// Roubaix alliances above, each région and each category holds at least five alliances, so the
// observatory shows its groups and an alliance's benchmark has peers. No demo lead's own list changes.
// ------------------------------------------------------------------------------------------------

interface ObservatoryAllianceBrief {
  key: string;
  name: string;
  purpose: string;
  category: 'philanthropy' | 'societal_innovation';
  collectiveObjectives: CollectiveObjective[];
  domains: string[];
  territoryCode: string;
  lead: string;
  partners: string[];
  inForce: boolean;
  /** About how each side rates the partnership (1–5). */
  mood: number;
}

const OBSERVATORY_BRIEFS: ObservatoryAllianceBrief[] = [
  // Auvergne-Rhône-Alpes (84)
  {
    key: 'covoiturage-monts',
    name: 'Covoiturage Solidaire des Monts du Lyonnais',
    purpose: 'Relier les villages des Monts du Lyonnais aux emplois de la métropole par le covoiturage solidaire.',
    category: 'societal_innovation',
    collectiveObjectives: ['territory'],
    domains: ['mobility'],
    territoryCode: '69123',
    lead: 'transports',
    partners: ['velo', 'universite'],
    inForce: true,
    mood: 3.9,
  },
  {
    key: 'tiers-lieu-villeurbanne',
    name: 'Tiers-Lieu Numérique de Villeurbanne',
    purpose: 'Ouvrir un tiers-lieu où étudiants et habitants apprennent le numérique ensemble.',
    category: 'philanthropy',
    collectiveObjectives: ['engagement'],
    domains: ['digital', 'education'],
    territoryCode: '69266',
    lead: 'universite',
    partners: ['numerique', 'mutuelle'],
    inForce: true,
    mood: 4.1,
  },
  {
    key: 'sport-sante-saint-etienne',
    name: 'Sport et Santé à Saint-Étienne',
    purpose: 'Proposer une activité physique adaptée aux patients atteints de maladies chroniques.',
    category: 'philanthropy',
    collectiveObjectives: ['engagement'],
    domains: ['health', 'sport'],
    territoryCode: '42218',
    lead: 'sport',
    partners: ['mutuelle', 'ars'],
    inForce: true,
    mood: 3.6,
  },
  {
    key: 'renovation-grenoble',
    name: 'Rénovation Énergétique Grenobloise',
    purpose: 'Rénover les logements des ménages modestes avec des artisans formés ensemble.',
    category: 'societal_innovation',
    collectiveObjectives: ['innovation', 'territory'],
    domains: ['energy', 'housing'],
    territoryCode: '38185',
    lead: 'energie',
    partners: ['grenoble', 'logement'],
    inForce: false,
    mood: 3.3,
  },
  {
    key: 'cantines-puy-de-dome',
    name: 'Cantines Locales du Puy-de-Dôme',
    purpose: 'Servir dans les cantines des produits des fermes du département.',
    category: 'societal_innovation',
    collectiveObjectives: ['territory'],
    domains: ['food'],
    territoryCode: '63113',
    lead: 'jardins',
    partners: ['zerodechet', 'grenoble'],
    inForce: false,
    mood: 3.7,
  },
  {
    key: 'culture-lyon-8',
    name: 'Culture Partagée à Lyon 8e',
    purpose: 'Amener le théâtre au pied des immeubles et les habitants au théâtre.',
    category: 'philanthropy',
    collectiveObjectives: ['engagement'],
    domains: ['culture'],
    territoryCode: '69123',
    lead: 'theatre',
    partners: ['transports', 'universite'],
    inForce: false,
    mood: 4.3,
  },
  // Hauts-de-France (32)
  {
    key: 'mobilite-lilloise',
    name: 'Mobilité Inclusive de la Métropole Lilloise',
    purpose: 'Lever les freins de mobilité des demandeurs d’emploi : vélos, permis, covoiturage.',
    category: 'societal_innovation',
    collectiveObjectives: ['performance'],
    domains: ['mobility', 'employment'],
    territoryCode: '59350',
    lead: 'mutuelle',
    partners: ['velo', 'emploi'],
    inForce: true,
    mood: 3.5,
  },
  {
    key: 'eco-renovation-roubaix',
    name: 'Éco-Rénovation des Logements de Roubaix',
    purpose: 'Réduire la facture énergétique des locataires par la rénovation et l’accompagnement.',
    category: 'societal_innovation',
    collectiveObjectives: ['innovation'],
    domains: ['housing', 'energy'],
    territoryCode: '59512',
    lead: 'habitat',
    partners: ['numerique', 'energie'],
    inForce: true,
    mood: 3.2,
  },
  {
    key: 'jardins-amiens',
    name: 'Jardins Partagés d’Amiens',
    purpose: 'Créer des jardins partagés dans les quartiers et y cultiver ensemble.',
    category: 'philanthropy',
    collectiveObjectives: ['engagement'],
    domains: ['food', 'environment'],
    territoryCode: '80021',
    lead: 'lecture',
    partners: ['jardins', 'mutuelle'],
    inForce: true,
    mood: 4.0,
  },
  {
    key: 'sport-tourcoing',
    name: 'Insertion par le Sport à Tourcoing',
    purpose: 'Accompagner vers l’emploi des jeunes par le sport et le parrainage d’entreprises.',
    category: 'philanthropy',
    collectiveObjectives: ['performance'],
    domains: ['employment', 'sport'],
    territoryCode: '59599',
    lead: 'emploi',
    partners: ['sport', 'numerique'],
    inForce: false,
    mood: 3.4,
  },
  {
    key: 'energie-dunkerque',
    name: 'Dunkerque Énergie Citoyenne',
    purpose: 'Installer des panneaux solaires citoyens sur les toits des équipements publics.',
    category: 'societal_innovation',
    collectiveObjectives: ['territory', 'innovation'],
    domains: ['energy'],
    territoryCode: '59183',
    lead: 'zerodechet',
    partners: ['energie', 'universite'],
    inForce: false,
    mood: 3.8,
  },
  {
    key: 'lecture-numerique-hdf',
    name: 'Lecture Numérique dans les Hauts-de-France',
    purpose: 'Prêter des liseuses et former les bénévoles des bibliothèques rurales.',
    category: 'philanthropy',
    collectiveObjectives: ['engagement'],
    domains: ['education', 'digital'],
    territoryCode: '59512',
    lead: 'numerique',
    partners: ['lecture', 'theatre'],
    inForce: false,
    mood: 3.9,
  },
];

/** The observatory's alliances as the seed builds any alliance: no indicator, one closed evaluation. */
export const OBSERVATORY_ALLIANCES: AllianceSeed[] = OBSERVATORY_BRIEFS.map((b) => ({
  key: b.key,
  name: b.name,
  purpose: b.purpose,
  category: b.category,
  collectiveObjectives: b.collectiveObjectives,
  domains: b.domains,
  scale: 'local',
  territoryCodes: [b.territoryCode],
  innovationStage: b.category === 'societal_innovation' ? 'experimentation' : 'emergence',
  lead: b.lead,
  members: b.partners.map((org) => ({ org, role: 'partner' as const })),
  objectives: {},
  diagnosis: `${b.purpose} Les partenaires partagent ce besoin et décident d’agir ensemble.`,
  impacts: 'Des habitants mieux accompagnés et des partenaires qui apprennent les uns des autres.',
  charter: b.inForce ? 'in_force' : 'draft',
  sharedObjectives: [],
  evaluations: [
    {
      title: 'Évaluation partenariale — première année',
      mood: Object.fromEntries([b.lead, ...b.partners].map((org, i) => [org, Math.min(4.8, b.mood + (i - 1) * 0.3)])),
      comments: [],
      actions: [],
    },
  ],
}));

/** Alliances that take part in the observatory, each partner organisation consenting: the twelve above and two of the main ones. */
export const OBSERVATORY_PARTICIPANTS: string[] = ['aidants-rhone', 'numerique-roubaix', ...OBSERVATORY_BRIEFS.map((b) => b.key)];
