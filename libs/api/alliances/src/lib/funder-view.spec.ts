import { isFunderOnly } from './funder-view';

describe('the funder’s view (docs/domain.md "Visibility")', () => {
  it('applies to someone who sits in the alliance through funder organisations only', () => {
    expect(isFunderOnly([{ allianceRole: 'funder' }])).toBe(true);
    expect(isFunderOnly([{ allianceRole: 'funder' }, { allianceRole: 'funder' }])).toBe(true);
  });

  it('gives way to the partner’s view when the same person also acts for a lead, partner or observer', () => {
    expect(isFunderOnly([{ allianceRole: 'funder' }, { allianceRole: 'partner' }])).toBe(false);
    expect(isFunderOnly([{ allianceRole: 'observer' }, { allianceRole: 'funder' }])).toBe(false);
    expect(isFunderOnly([{ allianceRole: 'lead' }])).toBe(false);
  });

  it('does not apply without an active seat (such a caller sees nothing at all)', () => {
    expect(isFunderOnly([])).toBe(false);
  });
});
