import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { LiveDocStore } from './live-doc-store';
import { isEmptyUpdate } from './live-docs';
import { fragmentToMarkdown } from './markdown';

const tables = { name: 'minutes', updatesTable: 'minutes_updates', snapshotsTable: 'minutes_snapshots', keyColumn: 'meeting_id' };

describe('LiveDocStore', () => {
  it('takes table and column names as SQL identifiers only', () => {
    const dataSource = {} as DataSource;
    expect(() => new LiveDocStore(dataSource, tables)).not.toThrow();
    expect(() => new LiveDocStore(dataSource, { ...tables, updatesTable: 'x; DROP TABLE users' })).toThrow(/identifier/);
    expect(() => new LiveDocStore(dataSource, { ...tables, extraColumns: ['alliance_id', 'a"b'] })).toThrow(/identifier/);
  });

  it('answers an empty document for a key never written when no initial content is given', async () => {
    const manager = { query: jest.fn().mockResolvedValue([]) };
    const dataSource = { transaction: (_level: string, fn: (m: unknown) => unknown) => fn(manager) } as unknown as DataSource;
    const loaded = await new LiveDocStore(dataSource, tables).load('m1');
    expect(loaded.revision).toBe(0);
    expect(loaded.lastUpdateId).toBe(BigInt(0));
    expect(loaded.doc.getXmlFragment('minutes').length).toBe(0);
    expect(manager.query.mock.calls[0][0]).toContain('FROM "minutes_snapshots" WHERE "meeting_id" = $1');
  });
});

describe('live documents', () => {
  it('recognises an update with nothing in it', () => {
    const doc = new Y.Doc();
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(true);
    doc.getText('t').insert(0, 'x');
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(false);
  });

  it('renders a fragment as Markdown', () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Décision : lancer la permanence');
    paragraph.insert(0, [text]);
    doc.getXmlFragment('minutes').push([paragraph]);
    expect(fragmentToMarkdown(doc.getXmlFragment('minutes'))).toContain('Décision : lancer la permanence');
  });
});
