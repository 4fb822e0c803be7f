import type { Locale } from '@alliances/shared/contracts';

/** Mails about the account itself, in the account's language (French by default). */
export const ACCOUNT_MAILS = {
  passwordReset: {
    fr: (p: { link: string }) => ({
      subject: 'Réinitialisez votre mot de passe Alliances',
      text: `Bonjour,\n\nQuelqu'un (vous, sans doute) a demandé à réinitialiser le mot de passe de votre compte Alliances. Choisissez-en un nouveau (lien valable une heure, utilisable une fois) :\n${p.link}\n\nToutes les sessions ouvertes sur le compte seront fermées.\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.\n`,
    }),
    en: (p: { link: string }) => ({
      subject: 'Reset your Alliances password',
      text: `Hello,\n\nSomeone (probably you) asked to reset the password of your Alliances account. Choose a new one (link valid for one hour, usable once):\n${p.link}\n\nEvery session open on the account will be signed out.\n\nIf you did not ask for this, ignore this message: your password stays as it is.\n`,
    }),
  },
  passwordChanged: {
    fr: () => ({
      subject: 'Votre mot de passe Alliances a été changé',
      text: `Bonjour,\n\nLe mot de passe de votre compte Alliances vient d'être changé et vos autres sessions ont été fermées.\n\nSi ce n'est pas vous, réinitialisez-le au plus vite depuis la page de connexion (« Mot de passe oublié ») et prévenez l'administrateur de la plateforme.\n`,
    }),
    en: () => ({
      subject: 'Your Alliances password was changed',
      text: `Hello,\n\nThe password of your Alliances account was just changed and your other sessions were signed out.\n\nIf this was not you, reset it at once from the sign-in page ("Forgot password") and tell the platform administrator.\n`,
    }),
  },
  emailChangeConfirm: {
    fr: (p: { link: string }) => ({
      subject: 'Confirmez votre nouvelle adresse Alliances',
      text: `Bonjour,\n\nPour que cette adresse devienne celle de votre compte Alliances, confirmez-la (lien valable 24 heures, utilisable une fois) :\n${p.link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n`,
    }),
    en: (p: { link: string }) => ({
      subject: 'Confirm your new Alliances address',
      text: `Hello,\n\nTo make this address the one of your Alliances account, confirm it (link valid for 24 hours, usable once):\n${p.link}\n\nIf you did not ask for this, ignore this message.\n`,
    }),
  },
  emailChangeNotice: {
    fr: (p: { newEmail: string }) => ({
      subject: "Changement d'adresse demandé sur votre compte Alliances",
      text: `Bonjour,\n\nUn changement de l'adresse de votre compte Alliances vers ${p.newEmail} a été demandé. Il prendra effet quand le lien envoyé à cette adresse aura été ouvert.\n\nSi ce n'est pas vous, changez votre mot de passe au plus vite et prévenez l'administrateur de la plateforme.\n`,
    }),
    en: (p: { newEmail: string }) => ({
      subject: 'Address change requested on your Alliances account',
      text: `Hello,\n\nA change of your Alliances account's address to ${p.newEmail} was requested. It takes effect once the link sent to that address is opened.\n\nIf this was not you, change your password at once and tell the platform administrator.\n`,
    }),
  },
  emailAlreadyUsed: {
    fr: () => ({
      subject: 'Votre adresse est déjà celle d’un compte Alliances',
      text: `Bonjour,\n\nQuelqu'un a demandé à utiliser cette adresse pour un compte Alliances, mais elle est déjà celle d'un compte. Rien n'a changé.\n\nSi vous avez oublié votre mot de passe, réinitialisez-le depuis la page de connexion (« Mot de passe oublié »).\n`,
    }),
    en: () => ({
      subject: 'Your address already belongs to an Alliances account',
      text: `Hello,\n\nSomeone asked to use this address for an Alliances account, but it already belongs to one. Nothing changed.\n\nIf you forgot your password, reset it from the sign-in page ("Forgot password").\n`,
    }),
  },
  twoFactorEnabled: {
    fr: () => ({
      subject: 'Connexion en deux étapes activée sur votre compte Alliances',
      text: `Bonjour,\n\nLa connexion en deux étapes vient d'être activée sur votre compte Alliances : chaque connexion demandera désormais un code de votre application d'authentification.\n\nSi ce n'est pas vous, quelqu'un utilise votre compte : changez votre mot de passe, fermez vos autres sessions depuis la page de votre compte et prévenez l'administrateur de la plateforme.\n`,
    }),
    en: () => ({
      subject: 'Two-step sign-in turned on for your Alliances account',
      text: `Hello,\n\nTwo-step sign-in was just turned on for your Alliances account: every sign-in will now ask for a code from your authenticator app.\n\nIf this was not you, someone is using your account: change your password, sign out your other sessions from your account page and tell the platform administrator.\n`,
    }),
  },
  twoFactorDisabled: {
    fr: () => ({
      subject: 'Connexion en deux étapes désactivée sur votre compte Alliances',
      text: `Bonjour,\n\nLa connexion en deux étapes vient d'être désactivée sur votre compte Alliances : le mot de passe suffit désormais pour s'y connecter.\n\nSi ce n'est pas vous, changez votre mot de passe au plus vite, réactivez-la et prévenez l'administrateur de la plateforme.\n`,
    }),
    en: () => ({
      subject: 'Two-step sign-in turned off for your Alliances account',
      text: `Hello,\n\nTwo-step sign-in was just turned off for your Alliances account: the password alone now signs in.\n\nIf this was not you, change your password at once, turn it back on and tell the platform administrator.\n`,
    }),
  },
  recoveryCodesRegenerated: {
    fr: () => ({
      subject: 'Nouveaux codes de secours sur votre compte Alliances',
      text: `Bonjour,\n\nDe nouveaux codes de secours viennent d'être créés pour la connexion en deux étapes de votre compte Alliances ; les anciens ne fonctionnent plus.\n\nSi ce n'est pas vous, changez votre mot de passe au plus vite et prévenez l'administrateur de la plateforme.\n`,
    }),
    en: () => ({
      subject: 'New recovery codes for your Alliances account',
      text: `Hello,\n\nNew recovery codes were just made for the two-step sign-in of your Alliances account; the earlier ones no longer work.\n\nIf this was not you, change your password at once and tell the platform administrator.\n`,
    }),
  },
  secondStepThrottled: {
    fr: () => ({
      subject: 'Codes incorrects répétés sur votre compte Alliances',
      text: `Bonjour,\n\nDe nombreux codes incorrects de connexion en deux étapes ont été saisis pour votre compte Alliances en moins d'une heure. Les codes sont refusés pendant un moment, même corrects.\n\nSi ce n'est pas vous, quelqu'un connaît sans doute votre mot de passe : changez-le au plus vite et prévenez l'administrateur de la plateforme.\n`,
    }),
    en: () => ({
      subject: 'Repeated wrong codes on your Alliances account',
      text: `Hello,\n\nMany wrong two-step sign-in codes were typed for your Alliances account within an hour. Codes are refused for a while, even right ones.\n\nIf this was not you, someone probably knows your password: change it at once and tell the platform administrator.\n`,
    }),
  },
} as const;

export const accountMailLocale = (locale: string | null | undefined): Locale => (locale === 'en' ? 'en' : 'fr');
