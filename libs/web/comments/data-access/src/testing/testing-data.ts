import type { Comment } from '@alliances/shared/contracts';

/** A comment as the API returns it, for specs. */
export function aComment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 'c1',
    allianceId: 'a1',
    seq: 1,
    target: { type: 'alliance', id: 'a1' },
    parentId: null,
    author: { id: 'user-paul', displayName: 'Paul Durand', formerMember: false },
    body: 'Bonjour à toutes et tous',
    bodyHtml: '<p>Bonjour à toutes et tous</p>',
    mentions: [],
    createdAt: '2026-03-02T09:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    resolvedAt: null,
    resolvedBy: null,
    ...overrides,
  };
}
