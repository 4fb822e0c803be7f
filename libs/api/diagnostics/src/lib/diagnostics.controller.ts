import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ClientIp, CurrentUser, type AuthUser } from '@alliances/api/core';
import type { Diagnostic, DiagnosticQuestionnaire, Locale, Page } from '@alliances/shared/contracts';
import type { FastifyReply } from 'fastify';
import {
  DiagnosticParams,
  DiagnosticsQuery,
  LangQuery,
  OrganisationParams,
  QuestionnaireQuery,
  SubmitDiagnosticDto,
} from './diagnostics.dto';
import { DiagnosticsService } from './diagnostics.service';

/** French unless the Accept-Language header prefers English to French. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => (l.lang === 'fr' || l.lang === 'en') && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === 'en' ? 'en' : 'fr';
}

@ApiTags('diagnostics')
@ApiBearerAuth()
@Controller('diagnostics')
export class QuestionnaireController {
  constructor(private readonly diagnostics: DiagnosticsService) {}

  @Get('questionnaire')
  questionnaire(@Query() query: QuestionnaireQuery, @Headers('accept-language') acceptLanguage?: string): DiagnosticQuestionnaire {
    return this.diagnostics.questionnaire(query.profile, query.lang ?? localeFromAcceptLanguage(acceptLanguage));
  }
}

@ApiTags('diagnostics')
@ApiBearerAuth()
@Controller('organisations/:id/diagnostics')
export class DiagnosticsController {
  constructor(private readonly diagnostics: DiagnosticsService) {}

  @Post()
  submit(
    @CurrentUser() user: AuthUser,
    @Param() { id }: OrganisationParams,
    @Body() body: SubmitDiagnosticDto,
    @Query() query: LangQuery,
    @ClientIp() ip: string | null,
  ): Promise<Diagnostic> {
    return this.diagnostics.submit(user, id, body.answers, ip, query.lang ?? user.locale);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Param() { id }: OrganisationParams, @Query() query: DiagnosticsQuery): Promise<Page<Diagnostic>> {
    return this.diagnostics.list(user, id, query.lang ?? user.locale, query.limit, query.cursor);
  }

  @Get(':diagnosticId')
  get(@CurrentUser() user: AuthUser, @Param() p: DiagnosticParams, @Query() query: LangQuery): Promise<Diagnostic> {
    return this.diagnostics.get(user, p.id, p.diagnosticId, query.lang ?? user.locale);
  }

  @Get(':diagnosticId/pdf')
  async pdf(
    @CurrentUser() user: AuthUser,
    @Param() p: DiagnosticParams,
    @Query() query: LangQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { pdf, fileName } = await this.diagnostics.pdf(user, p.id, p.diagnosticId, query.lang ?? user.locale);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
  }
}
