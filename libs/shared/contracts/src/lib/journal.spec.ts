import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ALLIANCE_JOURNAL_ACTIONS, JOURNAL_ACTIONS, JOURNAL_KINDS, journalKindOf, journalLinkOf } from './journal';

const API = join(__dirname, '../../../../api');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Each `audit.record({ ... })` call of the API with its action literals, and whether it names an alliance. */
function auditCalls(): { file: string; actions: string[]; alliance: boolean }[] {
  const calls: { file: string; actions: string[]; alliance: boolean }[] = [];
  for (const file of sources(API)) {
    const text = readFileSync(file, 'utf8');
    for (const part of text.split(/audit\.record\(/).slice(1)) {
      const call = part.slice(0, part.indexOf('manager') > 0 && part.indexOf('manager') < 600 ? part.indexOf('manager') : 600);
      const actions = [...call.matchAll(/action:[^,\n]*/g)].flatMap((m) => [...m[0].matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((a) => a[1]));
      // `details: { allianceId }` only mentions an alliance; the entry belongs to one through its own `allianceId`.
      calls.push({ file, actions, alliance: /\ballianceId\b/.test(call.replace(/details:\s*\{[^}]*\}/g, '')) });
    }
  }
  return calls;
}

describe('the alliance journal actions', () => {
  it('has each action in one kind only', () => {
    expect(new Set(ALLIANCE_JOURNAL_ACTIONS).size).toBe(ALLIANCE_JOURNAL_ACTIONS.length);
    for (const kind of JOURNAL_KINDS) for (const action of JOURNAL_ACTIONS[kind]) expect(journalKindOf(action)).toBe(kind);
    expect(journalKindOf('auth.login')).toBeNull();
  });

  it('lists every action literal the API records for an alliance', () => {
    const calls = auditCalls();
    expect(calls.length).toBeGreaterThan(50);
    const written = new Set(calls.filter((c) => c.alliance).flatMap((c) => c.actions));
    // Actions built at run time: tranche.<status>, comment.<event type>.
    for (const action of ['tranche.requested', 'tranche.paid', 'comment.updated', 'comment.deleted', 'comment.resolved'])
      written.add(action);
    expect([...written].filter((a) => !ALLIANCE_JOURNAL_ACTIONS.includes(a)).sort()).toEqual([]);
  });

  it('links an entry to its object’s page, or to none', () => {
    const link = (action: string, objectType: string, objectId: string | null, details: Record<string, unknown> | null = null) =>
      journalLinkOf('a1', { action, objectType, objectId, details });
    expect(link('charter.signed', 'charter_version', 'v1')).toBe('/alliances/a1/charter/signatures');
    expect(link('checkin.created', 'checkin', 'c1', { indicatorId: 'i1' })).toBe('/alliances/a1/indicators/i1');
    expect(link('evaluation.closed', 'evaluation', 'e1')).toBe('/evaluations/e1/results');
    expect(link('comment.created', 'comment', 'm1')).toBe('/alliances/a1/discussion?comment=m1');
    expect(link('comment.deleted', 'comment', 'm1')).toBe('/alliances/a1/discussion');
    expect(link('alliance.updated', 'alliance', 'a1')).toBeNull();
  });
});
