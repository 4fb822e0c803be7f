import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Read access to notifications for other domains (the signed-in person's home page, libs/api/workspace). */
@Injectable()
export class NotificationsReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The person's unread mentions shown in the app, newest first (at most `limit`), in one statement; those of an
   * alliance the person no longer sits in (`allianceIds` are the alliances they still do) are left out.
   */
  async unreadMentions(
    userId: string,
    allianceIds: string[],
    limit = 20,
  ): Promise<{ id: string; allianceId: string | null; excerpt: string | null; link: string; createdAt: string }[]> {
    const rows: { id: string; alliance_id: string | null; excerpt: string | null; link: string; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT id, alliance_id, excerpt, link, created_at FROM notifications
          WHERE user_id = $1 AND type = 'mention' AND read_at IS NULL AND in_app
            AND (alliance_id IS NULL OR alliance_id = ANY($2::uuid[]))
          ORDER BY created_at DESC, id LIMIT $3`,
        [userId, allianceIds, limit],
      );
    return rows.map((r) => ({
      id: r.id,
      allianceId: r.alliance_id,
      excerpt: r.excerpt,
      link: r.link,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }
}
