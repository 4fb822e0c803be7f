import type { DirectoryCard, DirectoryMap } from '@alliances/shared/contracts';

export function aCard(overrides: Partial<DirectoryCard> = {}): DirectoryCard {
  return {
    id: 'org-epicerie',
    name: 'Épicerie solidaire de Villeurbanne',
    profile: 'association',
    description: 'Une épicerie où chacun paie selon ses moyens.',
    website: 'https://epicerie.example.org',
    hasLogo: false,
    territory: { code: '69266', name: 'Villeurbanne (69)', departementCode: '69', regionCode: '84' },
    domains: ['food', 'circular_economy'],
    seeks: ['financial', 'skills'],
    offers: ['network', 'positioning'],
    openToAlliances: true,
    ...overrides,
  };
}

export const A_MAP: DirectoryMap = {
  total: 3,
  departements: [
    { code: '69', name: 'Rhône', count: 2 },
    { code: '38', name: 'Isère', count: 1 },
    { code: '01', name: 'Ain', count: 0 },
  ],
};
