import type { Locale } from '@alliances/shared/contracts';

/** Mails in the recipient's language (French by default). */
export const MAILS = {
  invitation: {
    fr: (p: { organisation: string; inviter: string; link: string }) => ({
      subject: `Invitation à rejoindre ${p.organisation} sur Alliances`,
      text: `Bonjour,\n\n${p.inviter} vous invite à rejoindre ${p.organisation} sur Alliances.\n\nAcceptez l'invitation (valable 7 jours) :\n${p.link}\n\nSi vous n'attendiez pas ce message, ignorez-le.\n`,
    }),
    en: (p: { organisation: string; inviter: string; link: string }) => ({
      subject: `Invitation to join ${p.organisation} on Alliances`,
      text: `Hello,\n\n${p.inviter} invites you to join ${p.organisation} on Alliances.\n\nAccept the invitation (valid for 7 days):\n${p.link}\n\nIf you were not expecting this message, ignore it.\n`,
    }),
  },
  approved: {
    fr: (p: { organisation: string; link: string }) => ({
      subject: `${p.organisation} est validée sur Alliances`,
      text: `Bonjour,\n\nVotre organisation ${p.organisation} a été validée. Vous en êtes administrateur·rice : invitez vos collègues et lancez vos alliances.\n\n${p.link}\n`,
    }),
    en: (p: { organisation: string; link: string }) => ({
      subject: `${p.organisation} is approved on Alliances`,
      text: `Hello,\n\nYour organisation ${p.organisation} has been approved. You are its administrator: invite your colleagues and start your alliances.\n\n${p.link}\n`,
    }),
  },
  rejected: {
    fr: (p: { organisation: string; reason: string; link: string }) => ({
      subject: `Votre demande pour ${p.organisation} n'a pas été validée`,
      text: `Bonjour,\n\nLa demande d'inscription de ${p.organisation} n'a pas été validée, pour la raison suivante :\n\n${p.reason}\n\nVous pouvez déposer une nouvelle demande : ${p.link}\n`,
    }),
    en: (p: { organisation: string; reason: string; link: string }) => ({
      subject: `Your application for ${p.organisation} was not approved`,
      text: `Hello,\n\nThe application of ${p.organisation} was not approved, for this reason:\n\n${p.reason}\n\nYou may apply again: ${p.link}\n`,
    }),
  },
} as const;

export const mailLocale = (locale: string | null | undefined): Locale => (locale === 'en' ? 'en' : 'fr');
