import { withClient } from '@alliances/e2e/support';
import { CHARTER_SECTION_KEYS } from '@alliances/shared/contracts';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { sectionText } from '@alliances/e2e/support';

export interface CharterFingerprint {
  /** SHA-256 of the state vector and the text of every section: equal fingerprints, equal documents. */
  hash: string;
  /** How many operations each Yjs client contributed (the state vector, in client order). */
  stateVector: string;
  text: string;
}

/** What a replica holds, independent of the order in which it received its updates. */
export function charterFingerprint(doc: Y.Doc): CharterFingerprint {
  const stateVector = [...Y.decodeStateVector(Y.encodeStateVector(doc))]
    .sort(([a], [b]) => a - b)
    .map(([client, clock]) => `${client}:${clock}`)
    .join(',');
  const text = CHARTER_SECTION_KEYS.map((key) => `${key}\n${sectionText(doc, key)}`).join('\n\n');
  return { hash: createHash('sha256').update(stateVector).update('\0').update(text).digest('hex'), stateVector, text };
}

/** The charter as stored in PostgreSQL (snapshot, then the journal after it), read the way the API loads it. */
export async function storedCharter(databaseUrl: string, allianceId: string): Promise<{ doc: Y.Doc; journalRows: number }> {
  return withClient(databaseUrl, async (c) => {
    const snapshot = await c.query<{ state: Buffer; last_update_id: string }>(
      'SELECT state, last_update_id FROM charter_snapshots WHERE alliance_id = $1',
      [allianceId],
    );
    const updates = await c.query<{ update: Buffer }>('SELECT update FROM charter_updates WHERE alliance_id = $1 AND id > $2 ORDER BY id', [
      allianceId,
      snapshot.rows[0]?.last_update_id ?? '0',
    ]);
    const doc = new Y.Doc();
    doc.transact(() => {
      if (snapshot.rows[0]) Y.applyUpdate(doc, snapshot.rows[0].state);
      for (const row of updates.rows) Y.applyUpdate(doc, row.update);
    });
    return { doc, journalRows: updates.rows.length };
  });
}
