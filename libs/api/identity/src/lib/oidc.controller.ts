import { Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
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
import { ClientIp, Public } from '@alliances/api/core';
import { ERRORS, isMfaChallenge, SSO_COMPLETE_PATH, type AuthProvidersResponse, type ErrorCode } from '@alliances/shared/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OidcService } from './oidc.service';
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
  @ApiFoundResponse({ description: 'To the provider, with state, nonce and a PKCE challenge.' })
  @ApiNotFoundResponse({ description: '`oidc.disabled`: single sign-on is not configured.' })
  async login(@Query() query: OidcLoginQueryDto, @Res() reply: FastifyReply): Promise<void> {
    this.oidc.settings();
    let target: URL;
    try {
      target = await this.oidc.start(query.returnUrl);
    } catch (error) {
      // The provider cannot be reached (discovery): not the person's fault, and the next try rediscovers.
      const code = await this.oidc.failed(error, null);
      return this.refusal(reply, code, 503);
    }
    await reply.status(302).header('cache-control', 'no-store').header('location', target.toString()).send();
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
      '`oidc.failed`: unknown, expired or replayed state, nonce, code or ID token refused. A page sends the browser to `/sign-in?ssoError=…`.',
  })
  @ApiForbiddenResponse({ description: '`oidc.email_unverified`: the provider does not vouch for the address; nothing is created.' })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @ClientIp() ip: string | null): Promise<void> {
    this.oidc.settings();
    const rawQuery = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    let completion;
    try {
      completion = await this.oidc.complete(rawQuery, ip);
    } catch (error) {
      return this.refusal(reply, await this.oidc.failed(error, ip));
    }
    const answer = await this.signIn.afterFirstFactor(completion.user, signInContextOf(request), reply, 'oidc');
    const location = isMfaChallenge(answer)
      ? withQuery('/sign-in', { mfaToken: answer.mfaToken, returnUrl: completion.returnUrl })
      : withQuery(SSO_COMPLETE_PATH, { returnUrl: completion.returnUrl });
    await reply.status(303).header('cache-control', 'no-store').header('location', location).send();
  }

  private async refusal(reply: FastifyReply, code: ErrorCode, status = ERRORS[code]?.status ?? 400): Promise<void> {
    const target = escapeHtml(withQuery('/sign-in', { ssoError: code }));
    await reply
      .status(status)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>Single sign-on</title></head>` +
          `<body><p><a href="${target}">Continue / Continuer</a></p></body></html>`,
      );
  }
}
