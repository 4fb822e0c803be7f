import type { Locale } from '@alliances/shared/contracts';

/** Mails of the proposals domain, in the recipient's language (French by default). */
export const MAILS = {
  proposal: {
    fr: (p: { from: string; to: string; message: string; link: string }) => ({
      subject: `${p.from} propose une alliance à ${p.to}`,
      text: `Bonjour,\n\n${p.from} propose à ${p.to} de faire alliance sur Alliances. Son message :\n\n« ${p.message} »\n\nAcceptez ou déclinez la proposition :\n${p.link}\n`,
    }),
    en: (p: { from: string; to: string; message: string; link: string }) => ({
      subject: `${p.from} proposes an alliance to ${p.to}`,
      text: `Hello,\n\n${p.from} proposes to ${p.to} to form an alliance on Alliances. Their message:\n\n"${p.message}"\n\nAccept or decline the proposal:\n${p.link}\n`,
    }),
  },
  introduction: {
    fr: (p: { catalyst: string; organisation: string; other: string; message: string; link: string }) => ({
      subject: `${p.catalyst} vous présente ${p.other}`,
      text: `Bonjour,\n\n${p.catalyst}, catalyseur territorial, met ${p.organisation} en relation avec ${p.other} pour une alliance. Son message :\n\n« ${p.message} »\n\nL'alliance se crée quand les deux organisations ont accepté :\n${p.link}\n`,
    }),
    en: (p: { catalyst: string; organisation: string; other: string; message: string; link: string }) => ({
      subject: `${p.catalyst} introduces you to ${p.other}`,
      text: `Hello,\n\n${p.catalyst}, a territorial catalyst, introduces ${p.organisation} to ${p.other} for an alliance. Their message:\n\n"${p.message}"\n\nThe alliance starts once both organisations have accepted:\n${p.link}\n`,
    }),
  },
  externalInvitation: {
    fr: (p: { alliance: string; lead: string; organisation: string; inviter: string; link: string }) => ({
      subject: `${p.lead} invite ${p.organisation} dans l'alliance ${p.alliance}`,
      text: `Bonjour,\n\n${p.inviter}, de ${p.lead}, invite ${p.organisation} à rejoindre l'alliance « ${p.alliance} » sur Alliances.\n\nCréez votre compte et inscrivez votre organisation (lien valable 14 jours) ; une fois votre organisation validée, elle sera invitée comme partenaire :\n${p.link}\n\nSi vous n'attendiez pas ce message, ignorez-le.\n`,
    }),
    en: (p: { alliance: string; lead: string; organisation: string; inviter: string; link: string }) => ({
      subject: `${p.lead} invites ${p.organisation} to the alliance ${p.alliance}`,
      text: `Hello,\n\n${p.inviter}, of ${p.lead}, invites ${p.organisation} to join the alliance "${p.alliance}" on Alliances.\n\nCreate your account and register your organisation (link valid for 14 days); once your organisation is approved, it will be invited as a partner:\n${p.link}\n\nIf you were not expecting this message, ignore it.\n`,
    }),
  },
} as const;

export const mailLocale = (locale: string | null | undefined): Locale => (locale === 'en' ? 'en' : 'fr');
