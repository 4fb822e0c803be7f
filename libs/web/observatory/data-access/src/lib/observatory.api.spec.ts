import { observatoryParams } from './observatory.api';

describe('observatoryParams', () => {
  it('sends the filters that are set, trimmed, and leaves the empty ones out', () => {
    expect(observatoryParams({ scope: 'platform', groupBy: 'region', region: ' 84 ', domain: '', collectiveObjective: undefined })).toEqual(
      {
        scope: 'platform',
        groupBy: 'region',
        region: '84',
      },
    );
  });
});
