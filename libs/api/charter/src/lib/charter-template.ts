import { CHARTER_SECTION_KEYS, type CharterSectionKey, type Locale } from '@alliances/shared/contracts';
import * as Y from 'yjs';

/** The nine sections of the default charter (docs/domain.md "Sections"), with one line of guidance each. */
export const CHARTER_SECTIONS: Record<CharterSectionKey, Record<Locale, { title: string; guidance: string }>> = {
  context: {
    fr: {
      title: 'Contexte et diagnostic partagé',
      guidance: 'Quel besoin ou quelle fragilité cette alliance adresse-t-elle, et comment l’avons-nous constaté ensemble ?',
    },
    en: {
      title: 'Context and shared diagnosis',
      guidance: 'Which need or fragility does this alliance address, and how did we establish it together?',
    },
  },
  common_objective: {
    fr: {
      title: 'Objectif commun et impacts attendus',
      guidance: 'Ce que nous voulons obtenir ensemble pour notre écosystème, et comment nous saurons que nous y sommes.',
    },
    en: {
      title: 'Common objective and expected impacts',
      guidance: 'What we want to achieve together for our ecosystem, and how we will know we got there.',
    },
  },
  partners: {
    fr: {
      title: 'Chaque partenaire : ses objectifs et ses apports',
      guidance:
        'Pour chaque organisation : ce qu’elle attend de l’alliance et ce qu’elle y apporte (humain, financier, matériel, compétences).',
    },
    en: {
      title: 'Each partner: its objectives and contributions',
      guidance: 'For each organisation: what it expects from the alliance and what it brings (people, money, material, skills).',
    },
  },
  values: {
    fr: {
      title: 'Valeurs et principes partagés',
      guidance: 'Confiance, réciprocité, transparence, respect de l’identité de chacun : ce que ces mots engagent concrètement.',
    },
    en: {
      title: 'Shared values and principles',
      guidance: 'Trust, reciprocity, transparency, respect of each identity: what these words commit us to in practice.',
    },
  },
  governance: {
    fr: { title: 'Gouvernance', guidance: 'Comité de pilotage, manière de décider, rythme des rencontres.' },
    en: { title: 'Governance', guidance: 'Steering committee, how decisions are made, how often we meet.' },
  },
  resources: {
    fr: { title: 'Moyens et engagements', guidance: 'Les ressources que chacun engage et les engagements pris, avec leur calendrier.' },
    en: { title: 'Resources and commitments', guidance: 'The resources each partner commits and the commitments made, with their timing.' },
  },
  evaluation: {
    fr: {
      title: 'Évaluation',
      guidance: 'Ce que nous évaluerons, quand et comment : le produit, l’équilibre et la valorisation des participations.',
    },
    en: {
      title: 'Evaluation',
      guidance: 'What we will evaluate, when and how: what we produce, our balance, and the value of each contribution.',
    },
  },
  communication: {
    fr: {
      title: 'Communication et propriété intellectuelle',
      guidance: 'Qui communique sur l’alliance, comment, et à qui appartiennent les productions communes.',
    },
    en: {
      title: 'Communication and intellectual property',
      guidance: 'Who speaks about the alliance, how, and who owns what we produce together.',
    },
  },
  duration: {
    fr: {
      title: 'Durée, avenants, sortie et règlement des différends',
      guidance: 'Durée de l’alliance, modification de la charte, sortie d’un partenaire et résolution des désaccords.',
    },
    en: {
      title: 'Duration, amendments, exit and conflict resolution',
      guidance: 'How long the alliance runs, how the charter changes, how a partner leaves, how disagreements are settled.',
    },
  },
};

export const sectionTitle = (key: CharterSectionKey, locale: Locale): string => CHARTER_SECTIONS[key][locale].title;

/** The first update of a new charter: each section holds its guidance as an italic paragraph. */
export function templateUpdate(locale: Locale): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const key of CHARTER_SECTION_KEYS) {
      const fragment = doc.getXmlFragment(key);
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, CHARTER_SECTIONS[key][locale].guidance, { italic: true });
      paragraph.insert(0, [text]);
      fragment.insert(0, [paragraph]);
    }
  });
  return Y.encodeStateAsUpdate(doc);
}
