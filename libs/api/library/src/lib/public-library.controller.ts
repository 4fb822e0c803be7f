import { Controller, Get, Header, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '@alliances/api/core';
import type { PublicAlliancePage, PublicCaseStudy } from '@alliances/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LibraryQuery, SlugParam } from './library.dto';
import { PublicLibraryService } from './public-library.service';
import { PublicPages } from './public/public-pages';
import { pickLanguage, type PublicLang } from './public/words';

/** Per client address: generous for people reading, a wall for a scraper (the 'ip' throttler of IdentityModule). */
const READING = { ip: { limit: 120, ttl: 60_000 } };
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The public library as JSON, for the web app's public pages: published cards and open alliance pages, no sign-in. */
@ApiTags('public library')
@Controller('public')
@UseGuards(ThrottlerGuard)
@SkipThrottle({ account: true })
@Throttle(READING)
export class PublicLibraryController {
  constructor(private readonly library: PublicLibraryService) {}

  @Public()
  @Get('case-studies')
  @ApiOperation({
    summary:
      'Search the published case studies without signing in: ?q=, sdg (a goal matches its targets), domain, category, profile, scale',
  })
  search(@Query() query: LibraryQuery): Promise<PublicCaseStudy[]> {
    return this.library.search(query);
  }

  @Public()
  @Get('case-studies/:slug')
  @ApiOperation({ summary: 'A published case study by its slug' })
  @ApiNotFoundResponse({ description: 'Unknown slug, or a card not published (awaiting consent).' })
  bySlug(@Param() { slug }: SlugParam): Promise<PublicCaseStudy> {
    return this.library.bySlug(slug);
  }

  @Public()
  @Get('alliance-pages/:slug')
  @ApiOperation({ summary: "An alliance's public page, while its lead keeps it open and its case study is published" })
  @ApiNotFoundResponse({ description: 'Unknown slug, page closed, or its case study not published.' })
  alliance(@Param() { slug }: SlugParam): Promise<PublicAlliancePage> {
    return this.library.alliancePage(slug);
  }
}

/**
 * The public site outside `/api` (PUBLIC_SITE_ROUTES): HTML pages complete in the first response, the
 * sitemap, the Atom feed and robots.txt. An unknown or unpublished page answers a 404 HTML page.
 */
@ApiTags('public library')
@Controller()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ account: true })
@Throttle(READING)
export class PublicSiteController {
  constructor(
    private readonly library: PublicLibraryService,
    private readonly pages: PublicPages,
  ) {}

  @Public()
  @Get('public/library')
  @ApiOperation({ summary: 'The public library as an HTML page (the newest published case studies)' })
  @ApiProduces('text/html')
  async libraryPage(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const lang = this.lang(request);
    html(reply, lang);
    return this.pages.library(lang, await this.library.search({ limit: 50 }));
  }

  @Public()
  @Get('public/library/feed.atom')
  @ApiOperation({ summary: 'Atom feed of the newest published case studies' })
  @ApiProduces('application/atom+xml')
  async feed(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.header('Content-Type', 'application/atom+xml; charset=utf-8').header('Cache-Control', 'public, max-age=300');
    return this.pages.feed(await this.library.listings(50));
  }

  @Public()
  @Get('public/library/:slug')
  @ApiOperation({ summary: 'A published case study as an HTML page with its Open Graph tags' })
  @ApiProduces('text/html')
  @ApiNotFoundResponse({ description: 'An HTML page: unknown slug or card not published.' })
  caseStudyPage(
    @Param('slug') slug: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.publicPage(
      slug,
      request,
      reply,
      (s) => this.library.bySlug(s),
      (lang, card) => this.pages.caseStudy(lang, card),
    );
  }

  @Public()
  @Get('public/alliances/:slug')
  @ApiOperation({ summary: "An alliance's public page as HTML with its Open Graph tags" })
  @ApiProduces('text/html')
  @ApiNotFoundResponse({ description: 'An HTML page: unknown slug, page closed or case study not published.' })
  alliancePage(
    @Param('slug') slug: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.publicPage(
      slug,
      request,
      reply,
      (s) => this.library.alliancePage(s),
      (lang, page) => this.pages.alliance(lang, page),
    );
  }

  /** One public HTML page by its slug: a malformed, unknown or unpublished slug answers the 404 HTML page. */
  private async publicPage<T>(
    slug: string,
    request: FastifyRequest,
    reply: FastifyReply,
    load: (slug: string) => Promise<T>,
    render: (lang: PublicLang, item: T) => string,
  ): Promise<string> {
    const lang = this.lang(request);
    html(reply, lang);
    const item = SLUG.test(slug) && slug.length <= 100 ? await load(slug).catch(() => undefined) : undefined;
    if (!item) {
      reply.status(404);
      return this.pages.notFound(lang);
    }
    return render(lang, item);
  }

  @Public()
  @Get('sitemap.xml')
  @ApiOperation({ summary: 'Sitemap: the public library, its published case studies and the open alliance pages' })
  @ApiProduces('application/xml')
  async sitemap(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.header('Content-Type', 'application/xml; charset=utf-8').header('Cache-Control', 'public, max-age=300');
    return this.pages.sitemap(await this.library.listings(50_000));
  }

  @Public()
  @Get('robots.txt')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiExcludeEndpoint()
  robots(): string {
    return this.pages.robots();
  }

  private lang(request: FastifyRequest) {
    return pickLanguage((request.query as Record<string, unknown> | undefined)?.['lang'], request.headers['accept-language']);
  }
}

/** HTML, revalidated on each visit: a page taken offline (consent withdrawn, page closed) is gone at once. */
function html(reply: FastifyReply, lang: string): void {
  reply
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Cache-Control', 'no-cache')
    .header('Content-Language', lang)
    .header('Vary', 'Accept-Language');
}
