import type { EvaluationRhythm } from '@alliances/shared/contracts';

export const MONTHS: Record<Exclude<EvaluationRhythm, 'none'>, number> = { yearly: 12, half_yearly: 6 };

export const today = (): string => new Date().toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export function addMonths(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  // 31 January + 1 month: the last day of February, not 3 March.
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
}

/** The next due date after `day` by the rhythm, past today (a schedule left idle does not launch a backlog). */
export function nextAfter(day: string, rhythm: Exclude<EvaluationRhythm, 'none'>, now = today()): string {
  let next = addMonths(day, MONTHS[rhythm]);
  while (next <= now) next = addMonths(next, MONTHS[rhythm]);
  return next;
}

/**
 * The rhythm the charter's "Évaluation" section states in words, or null when it does not say so
 * unambiguously (then the default applies and the lead confirms).
 */
export function rhythmInCharter(markdown: string): Exclude<EvaluationRhythm, 'none'> | null {
  const text = markdown
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (/bisannuel|biennal|tous les deux ans|tous les 2 ans|every two years|every 2 years|biennial/.test(text)) return null;
  const half =
    /semestri|tous les six mois|tous les 6 mois|deux fois par an|2 fois par an|half[- ]year|twice a year|every six months|every 6 months|semi-annual|biannual/.test(
      text,
    );
  const year = /\bannuel|chaque annee|tous les ans|une fois par an|1 fois par an|yearly|\bannual|every year|once a year/.test(
    text.replace(/semi-annual/g, ''),
  );
  if (half && !year) return 'half_yearly';
  if (year && !half) return 'yearly';
  return null;
}
