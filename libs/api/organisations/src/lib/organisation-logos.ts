import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainException, NotFoundDomainException, type AuthUser } from '@alliances/api/core';
import { LOGO_MAX_BYTES, type LogoType } from '@alliances/shared/contracts';
import { errorCodes, type FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { sniffLogoType } from './directory/logo-type';
import { OrganisationPolicy } from './organisation.policy';

/** Content types whose body reaches the logo route as raw bytes (at most LOGO_MAX_BYTES); the bytes decide what the image is. */
const RAW_IMAGE_BODIES = /^(image\/[\w.+-]+|application\/octet-stream)$/;
const LOGO_ROUTE = /\/organisations\/:id\/logo$/;

export interface StoredLogo {
  bytes: Buffer;
  type: LogoType;
  updatedAt: Date;
}

/**
 * Organisation logos (issue 14): PNG, JPEG or WebP of at most 512 kB, recognised by their magic bytes
 * whatever Content-Type claims (SVG is never accepted: it can carry script). Kept in the
 * `organisations` row (`logo`, `logo_type`), read only by these routes.
 */
@Injectable()
export class OrganisationLogos implements OnModuleInit {
  constructor(
    // Each change commits with its audit entry in one transaction.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganisationPolicy,
    private readonly audit: AuditService,
    private readonly http: HttpAdapterHost,
  ) {}

  /**
   * Fastify parses JSON only: an image body is taken as a Buffer (at most LOGO_MAX_BYTES, 413 above)
   * on `PUT …/logo` alone; every other route answers such a body 415, as before.
   */
  onModuleInit(): void {
    const fastify = this.http.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (!fastify?.addContentTypeParser) return;
    fastify.addContentTypeParser(RAW_IMAGE_BODIES, { parseAs: 'buffer', bodyLimit: LOGO_MAX_BYTES }, (request, body, done) => {
      if (request.method === 'PUT' && LOGO_ROUTE.test(request.routeOptions.url ?? '')) done(null, body);
      else done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(String(request.headers['content-type'])), undefined);
    });
  }

  async put(user: AuthUser, organisationId: string, body: unknown, ip: string | null): Promise<void> {
    await this.policy.profileAdmin(user, organisationId);
    const bytes = Buffer.isBuffer(body) ? body : undefined;
    if (bytes && bytes.length > LOGO_MAX_BYTES) throw new DomainException('http.fst_err_ctp_body_too_large', 'A logo is at most 512 kB');
    const type = bytes && sniffLogoType(bytes);
    if (!bytes || !type) throw new DomainException('logo.unsupported_type', 'The logo must be a PNG, JPEG or WebP image (never SVG)');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE organisations SET logo = $2, logo_type = $3, logo_updated_at = now() WHERE id = $1`, [
        organisationId,
        bytes,
        type,
      ]);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'organisation.logo_updated',
          objectType: 'organisation',
          objectId: organisationId,
          organisationId,
          ip,
          details: { type, bytes: bytes.length },
        },
        manager,
      );
    });
  }

  /** Anyone signed in for a listed, approved organisation; otherwise those who may see the organisation. */
  async get(user: AuthUser, organisationId: string): Promise<StoredLogo> {
    await this.policy.publicOrViewable(user, organisationId);
    const [row]: { logo: Buffer | null; logo_type: LogoType | null; logo_updated_at: Date | null }[] = await this.dataSource.query(
      `SELECT logo, logo_type, logo_updated_at FROM organisations WHERE id = $1`,
      [organisationId],
    );
    if (!row?.logo || !row.logo_type || !row.logo_updated_at) throw new NotFoundDomainException('logo');
    return { bytes: row.logo, type: row.logo_type, updatedAt: row.logo_updated_at };
  }

  async remove(user: AuthUser, organisationId: string, ip: string | null): Promise<void> {
    await this.policy.profileAdmin(user, organisationId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE organisations SET logo = NULL, logo_type = NULL, logo_updated_at = now() WHERE id = $1`, [
        organisationId,
      ]);
      await this.audit.record(
        { actorId: user.id, action: 'organisation.logo_removed', objectType: 'organisation', objectId: organisationId, organisationId, ip },
        manager,
      );
    });
  }
}
