import type { ReportStatus, TrancheStatus } from '@alliances/shared/contracts';
import type { BadgeTone } from './badge';

export const TRANCHE_TONE: Record<TrancheStatus, BadgeTone> = { planned: 'neutral', requested: 'warning', paid: 'success' };
export const REPORT_TONE: Record<ReportStatus, BadgeTone> = {
  pending: 'neutral',
  submitted: 'info',
  approved: 'success',
  returned: 'warning',
};
