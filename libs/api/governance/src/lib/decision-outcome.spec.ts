import { countPositions, outcomeOf } from './decision-outcome';

describe('a decision’s outcome', () => {
  const seated = ['lead', 'a', 'b'];

  it('counts the seated organisations only, the silent ones as without position', () => {
    expect(
      countPositions(
        [
          { organisationId: 'lead', position: 'agree' },
          { organisationId: 'a', position: 'block' },
          { organisationId: 'gone', position: 'agree' },
        ],
        seated,
      ),
    ).toEqual({ agree: 1, abstain: 0, disagree: 0, block: 1, none: 1, organisations: 3 });
  });

  it('by consent: adopted unless an organisation blocks, whatever the disagreements', () => {
    expect(outcomeOf('consent', countPositions([{ organisationId: 'a', position: 'disagree' }], seated))).toBe('adopted');
    expect(outcomeOf('consent', countPositions([], seated))).toBe('adopted');
    expect(outcomeOf('consent', countPositions([{ organisationId: 'b', position: 'block' }], seated))).toBe('rejected');
  });

  it('by majority: more than half of the lead and partner organisations agree', () => {
    const agree = (...ids: string[]) => ids.map((organisationId) => ({ organisationId, position: 'agree' }));
    expect(outcomeOf('majority', countPositions(agree('lead'), seated))).toBe('rejected');
    expect(outcomeOf('majority', countPositions(agree('lead', 'a'), seated))).toBe('adopted');
    expect(outcomeOf('majority', countPositions(agree('lead', 'a'), ['lead', 'a', 'b', 'c']))).toBe('rejected');
  });
});
