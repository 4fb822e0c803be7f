/**
 * The mails of alliances that change (docs/decisions/0020-leaving-and-closing.md), in the person's
 * language: their organisation was removed from an alliance, or now leads it.
 */
interface Vars {
  alliance: string;
  organisation: string;
  link: string;
}

export const ALLIANCE_CHANGE_MAILS = {
  removed: {
    fr: (v: Vars) => ({
      subject: `${v.organisation} ne fait plus partie de l’alliance « ${v.alliance} »`,
      text: `Bonjour,\n\nL’organisation pilote a retiré ${v.organisation} de l’alliance « ${v.alliance} ». Vous n’y avez plus accès ; les signatures déjà données de la charte restent dans son historique.\n\nPour en savoir plus, contactez l’organisation pilote.\n\nL’équipe Alliances`,
    }),
    en: (v: Vars) => ({
      subject: `${v.organisation} is no longer in the alliance “${v.alliance}”`,
      text: `Hello,\n\nThe lead organisation removed ${v.organisation} from the alliance “${v.alliance}”. You no longer have access to it; the charter signatures already given stay in its history.\n\nTo know more, contact the lead organisation.\n\nThe Alliances team`,
    }),
  },
  leadHandedOver: {
    fr: (v: Vars) => ({
      subject: `${v.organisation} pilote désormais l’alliance « ${v.alliance} »`,
      text: `Bonjour,\n\nLe rôle de pilote de l’alliance « ${v.alliance} » a été confié à ${v.organisation}. Vous pouvez désormais la modifier, inviter des organisations et la clôturer :\n${v.link}\n\nL’équipe Alliances`,
    }),
    en: (v: Vars) => ({
      subject: `${v.organisation} now leads the alliance “${v.alliance}”`,
      text: `Hello,\n\nThe lead of the alliance “${v.alliance}” was handed over to ${v.organisation}. You can now edit it, invite organisations and close it:\n${v.link}\n\nThe Alliances team`,
    }),
  },
} as const;
