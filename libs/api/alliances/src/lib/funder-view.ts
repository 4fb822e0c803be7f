import type { AllianceRole } from '@alliances/shared/contracts';

/**
 * The funder's view (docs/domain.md "Visibility") applies when every active seat of the caller in the
 * alliance is a funder seat: someone who also acts for a lead, partner or observer sees as a partner.
 */
export const isFunderOnly = (active: { allianceRole: AllianceRole }[]): boolean =>
  active.length > 0 && active.every((s) => s.allianceRole === 'funder');
