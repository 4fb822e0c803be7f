import { Controller, Get, Inject, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { APP_CONFIG, ClientIp, Public, type AppConfig } from '@alliances/api/core';
import {
  ERRORS,
  isMfaChallenge,
  SSO_COMPLETE_PATH,
  type AuthProvidersResponse,
  type ErrorCode,
  type Locale,
} from '@alliances/shared/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OidcService, STATE_TTL_MINUTES } from './oidc.service';
import { SignInService, signInContextOf } from './sign-in.service';

export class OidcLoginQueryDto {
  /** Where to go once signed in: a path of this site; anything else is ignored. */
  @ApiProperty({ required: false, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  returnUrl?: string;
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Binds a sign-in to the browser that started it; sent back only to the callback. */
export const OIDC_BROWSER_COOKIE = 'alliances_sso';
const OIDC_COOKIE_PATH = '/api/auth/oidc';

const REFUSAL_PAGE: Record<Locale, { title: string; link: string }> = {
  fr: { title: 'Authentification unique', link: 'Continuer' },
  en: { title: 'Single sign-on', link: 'Continue' },
};

/** The page's language from Accept-Language: English only when preferred over French; French otherwise. */
export function refusalLocale(acceptLanguage: string | undefined): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().toLowerCase().split(';');
      const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => (entry.language === 'fr' || entry.language === 'en') && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.language === 'en' ? 'en' : 'fr';
}

const withQuery = (path: string, params: Record<string, string | null | undefined>): string => {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1])).toString();
  return query ? `${path}?${query}` : path;
};

/**
 * Single sign-on (docs/decisions/0018-oidc-sign-in.md). The login and the callback are browser
 * navigations: they answer redirects, and a refused callback answers its 4xx status with a tiny page
 * sending the browser on to the sign-in page (a meta refresh: no script, so the CSP has nothing to allow).
 */
@ApiTags('auth')
@Controller('auth')
@UseGuards(ThrottlerGuard)
// No email to count by: the per-account limit would count per address and lock out colleagues behind one NAT.
@SkipThrottle({ account: true })
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly signIn: SignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('providers')
  @SkipThrottle({ ip: true })
  @ApiOkResponse({ description: 'The single sign-on button, when configured (`oidc: null` otherwise).' })
  providers(): AuthProvidersResponse {
    return this.oidc.providers();
  }

  @Public()
  @Get('oidc/login')
  @ApiFoundResponse({
    description: `To the provider, with state, nonce and a PKCE challenge; sets the \`${OIDC_BROWSER_COOKIE}\` cookie the callback needs.`,
  })
  @ApiNotFoundResponse({ description: '`oidc.disabled`: single sign-on is not configured.' })
  async login(@Query() query: OidcLoginQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    this.oidc.settings();
    let started;
    try {
      started = await this.oidc.start(query.returnUrl);
    } catch (error) {
      // The provider cannot be reached (discovery): not the person's fault, and the next try rediscovers.
      const code = await this.oidc.failed(error, null);
      return this.refusal(request, reply, code, 503);
    }
    // Lax, not Strict: the browser comes back to the callback by a top-level navigation from the provider's site.
    reply.setCookie(OIDC_BROWSER_COOKIE, started.browserSecret, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.publicUrl.startsWith('https://'),
      path: OIDC_COOKIE_PATH,
      maxAge: STATE_TTL_MINUTES * 60,
    });
    await reply.status(302).header('cache-control', 'no-store').header('location', started.target.toString()).send();
  }

  @Public()
  @Get('oidc/callback')
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiFoundResponse({
    description: `Signed in: to \`${SSO_COMPLETE_PATH}?returnUrl=…\` with the refresh cookie; second step: to \`/sign-in?mfaToken=…\`.`,
  })
  @ApiBadRequestResponse({
    description:
      '`oidc.failed`: unknown, expired or replayed state, not the browser that started the sign-in (no or another sign-in cookie), nonce, code or ID token refused. A page sends the browser to `/sign-in?ssoError=…`.',
  })
  @ApiForbiddenResponse({ description: '`oidc.email_unverified`: the provider does not vouch for the address; nothing is created.' })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @ClientIp() ip: string | null): Promise<void> {
    this.oidc.settings();
    const rawQuery = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const browserSecret = request.cookies?.[OIDC_BROWSER_COOKIE];
    // Whatever the outcome, the sign-in it bound is over.
    reply.clearCookie(OIDC_BROWSER_COOKIE, { path: OIDC_COOKIE_PATH });
    let completion;
    try {
      completion = await this.oidc.complete(rawQuery, browserSecret, ip);
    } catch (error) {
      return this.refusal(request, reply, await this.oidc.failed(error, ip));
    }
    const answer = await this.signIn.afterFirstFactor(completion.user, signInContextOf(request), reply, 'oidc');
    const location = isMfaChallenge(answer)
      ? withQuery('/sign-in', { mfaToken: answer.mfaToken, returnUrl: completion.returnUrl })
      : withQuery(SSO_COMPLETE_PATH, { returnUrl: completion.returnUrl });
    await reply.status(303).header('cache-control', 'no-store').header('location', location).send();
  }

  private async refusal(
    request: FastifyRequest,
    reply: FastifyReply,
    code: ErrorCode,
    status = ERRORS[code]?.status ?? 400,
  ): Promise<void> {
    const target = escapeHtml(withQuery('/sign-in', { ssoError: code }));
    const locale = refusalLocale(request.headers['accept-language']);
    const page = REFUSAL_PAGE[locale];
    await reply
      .status(status)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>${page.title}</title></head>` +
          `<body><p><a href="${target}">${page.link}</a></p></body></html>`,
      );
  }
}
