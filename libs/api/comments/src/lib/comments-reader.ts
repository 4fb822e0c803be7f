import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Read access to comments for other domains (documents attach files to a comment). */
@Injectable()
export class CommentsReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The comment's alliance, or undefined when there is no such comment (or it was deleted), in one statement. */
  async commentOf(commentId: string): Promise<{ id: string; allianceId: string } | undefined> {
    const rows: { id: string; alliance_id: string }[] = await this.dataSource.query(
      `SELECT id, alliance_id FROM comments WHERE id = $1 AND deleted_at IS NULL`,
      [commentId],
    );
    return rows[0] ? { id: rows[0].id, allianceId: rows[0].alliance_id } : undefined;
  }
}
