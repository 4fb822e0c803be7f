import { presentIds, returnedRows } from './query-results';

describe('presentIds', () => {
  it('keeps each id once and drops the missing ones, in first-seen order', () => {
    expect(presentIds(['b', null, 'a', 'b', undefined, ''])).toEqual(['b', 'a']);
  });
});

describe('returnedRows', () => {
  it('unwraps the [rows, count] answer of an UPDATE … RETURNING', () => {
    expect(returnedRows([[{ id: 'x' }], 1])).toEqual([{ id: 'x' }]);
  });

  it('keeps the rows of a SELECT as they are', () => {
    expect(returnedRows([{ id: 'x' }, { id: 'y' }])).toEqual([{ id: 'x' }, { id: 'y' }]);
    expect(returnedRows([])).toEqual([]);
  });
});
