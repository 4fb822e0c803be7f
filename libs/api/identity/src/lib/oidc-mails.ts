import type { Locale } from '@alliances/shared/contracts';

type LinkedNotice = { provider: string; passwordRemoved: boolean };

/**
 * The notice sent when single sign-on links an account that already existed: whoever had its password
 * no longer has it (docs/decisions/0018-oidc-sign-in.md), and the owner learns how to set one again.
 */
export const OIDC_MAILS = {
  accountLinked: {
    fr: (p: LinkedNotice) => ({
      subject: `Votre compte Alliances est maintenant lié à ${p.provider}`,
      text:
        `Bonjour,\n\nVotre compte Alliances vient d'être lié à ${p.provider} : vous vous connectez désormais avec le bouton « ${p.provider} » de la page de connexion.\n\n` +
        (p.passwordRemoved
          ? `Par sécurité, le mot de passe du compte a été supprimé et toutes ses sessions ont été fermées. Pour vous connecter aussi avec un mot de passe, choisissez-en un nouveau depuis la page de connexion (« Mot de passe oublié »).\n\n`
          : `Par sécurité, toutes les sessions du compte ont été fermées.\n\n`) +
        `Si ce n'est pas vous, prévenez l'administrateur de la plateforme.\n`,
    }),
    en: (p: LinkedNotice) => ({
      subject: `Your Alliances account is now linked to ${p.provider}`,
      text:
        `Hello,\n\nYour Alliances account was just linked to ${p.provider}: you now sign in with the "${p.provider}" button of the sign-in page.\n\n` +
        (p.passwordRemoved
          ? `For safety, the account's password was removed and all its sessions were signed out. To sign in with a password as well, choose a new one from the sign-in page ("Forgot password").\n\n`
          : `For safety, all the account's sessions were signed out.\n\n`) +
        `If this was not you, tell the platform administrator.\n`,
    }),
  },
} satisfies Record<string, Record<Locale, (p: LinkedNotice) => { subject: string; text: string }>>;
