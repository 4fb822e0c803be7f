/** The words of the server-rendered public pages, French first (the app's own translations live in apps/web/public/i18n/library). */
export const PUBLIC_WORDS = {
  fr: {
    library: 'Bibliothèque des alliances',
    libraryIntro:
      "Des fiches d'expérience publiées par des alliances d'intérêt général, avec l'accord de chacune des organisations partenaires.",
    empty: 'La bibliothèque ne contient encore aucune fiche.',
    feed: 'Nouvelles fiches de la bibliothèque des alliances',
    publishedOn: 'Fiche publiée le',
    summary: "L'expérience",
    facts: "L'alliance en bref",
    category: 'Catégorie de partenariat',
    domains: 'Domaines',
    scale: 'Échelon territorial',
    territories: 'Territoires',
    profiles: 'Profils des partenaires',
    sdgs: 'Objectifs de développement durable',
    sdg: 'ODD',
    results: 'Résultats',
    indicator: 'Indicateur',
    baseline: 'Point de départ',
    latest: 'Dernière mesure',
    target: 'Cible',
    notMeasured: 'Pas encore mesuré',
    none: 'Non précisé',
    alliancePage: "Page publique de l'alliance",
    purpose: 'Sa raison d’être',
    partners: 'Organisations partenaires',
    caseStudy: "Fiche d'expérience",
    notFound: 'Page introuvable',
    notFoundText: "Cette page n'existe pas ou n'est plus publique.",
    back: 'Retour à la bibliothèque',
    otherLanguage: 'English',
    signIn: 'Se connecter',
  },
  en: {
    library: 'Alliance library',
    libraryIntro: 'Case studies published by public-interest alliances, with the consent of every partner organisation.',
    empty: 'The library holds no case study yet.',
    feed: 'New case studies of the alliance library',
    publishedOn: 'Case study published on',
    summary: 'The experience',
    facts: 'The alliance at a glance',
    category: 'Partnership category',
    domains: 'Domains',
    scale: 'Territorial scale',
    territories: 'Territories',
    profiles: 'Partner profiles',
    sdgs: 'Sustainable Development Goals',
    sdg: 'SDG',
    results: 'Results',
    indicator: 'Indicator',
    baseline: 'Baseline',
    latest: 'Latest measure',
    target: 'Target',
    notMeasured: 'Not measured yet',
    none: 'Not specified',
    alliancePage: "The alliance's public page",
    purpose: 'Its purpose',
    partners: 'Partner organisations',
    caseStudy: 'Case study',
    notFound: 'Page not found',
    notFoundText: 'This page does not exist or is no longer public.',
    back: 'Back to the library',
    otherLanguage: 'Français',
    signIn: 'Sign in',
  },
} as const;

export type PublicLang = keyof typeof PUBLIC_WORDS;
export type PublicWords = (typeof PUBLIC_WORDS)[PublicLang];

/** `?lang=en|fr` first, then the browser's Accept-Language (the first of fr/en it names), French otherwise. */
export function pickLanguage(query: unknown, acceptLanguage: string | undefined): PublicLang {
  if (query === 'en' || query === 'fr') return query;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.slice(0, 2), q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => (l.lang === 'fr' || l.lang === 'en') && l.q > 0)
    .sort((a, b) => b.q - a.q);
  return (wanted[0]?.lang as PublicLang | undefined) ?? 'fr';
}
