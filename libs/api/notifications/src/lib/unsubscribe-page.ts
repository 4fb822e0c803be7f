import type { NotificationType } from '@alliances/shared/contracts';

const TEXT = {
  fr: {
    title: 'Notifications par e-mail',
    confirm: (what: string) => `Ne plus recevoir par e-mail ${what} ?`,
    button: 'Me désinscrire',
    done: (what: string) => `C’est fait : vous ne recevrez plus par e-mail ${what}.`,
    all: 'aucune notification d’Alliances',
    kind: 'ce type de notification',
    settings: 'Choisir ce que vous recevez',
    invalid: 'Ce lien de désinscription n’est pas valide. Réglez vos notifications depuis votre compte.',
  },
  en: {
    title: 'Email notifications',
    confirm: (what: string) => `Stop receiving ${what} by email?`,
    button: 'Unsubscribe',
    done: (what: string) => `Done: you will no longer receive ${what} by email.`,
    all: 'any Alliances notification',
    kind: 'this kind of notification',
    settings: 'Choose what you receive',
    invalid: 'This unsubscribe link is not valid. Set your notifications from your account.',
  },
} as const;

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The small page of the unsubscribe link: no script, a form that posts the RFC 8058 body to the same address. */
export function unsubscribePage(
  locale: 'fr' | 'en',
  page: { state: 'confirm' | 'done'; scope: NotificationType | 'all'; token: string } | { state: 'invalid' },
): string {
  const t = TEXT[locale];
  const what = page.state !== 'invalid' && page.scope === 'all' ? t.all : t.kind;
  const action = page.state === 'invalid' ? '' : `/api/notifications/unsubscribe?token=${encodeURIComponent(page.token)}`;
  const main =
    page.state === 'invalid'
      ? `<p role="alert">${escape(t.invalid)}</p>`
      : page.state === 'confirm'
        ? `<p>${escape(t.confirm(what))}</p>
    <form method="post" action="${escape(action)}">
      <input type="hidden" name="List-Unsubscribe" value="One-Click">
      <button type="submit">${escape(t.button)}</button>
    </form>`
        : `<p role="status">${escape(t.done(what))}</p>`;
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(t.title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
  <main>
    <h1>${escape(t.title)}</h1>
    ${main}
    <p><a href="/account/notifications">${escape(t.settings)}</a></p>
  </main>
</body>
</html>
`;
}
