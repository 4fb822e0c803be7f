import { aggregateByOrganisation, distribution, mean } from './evaluations';

const orgs = [
  { organisationId: 'a', organisationName: 'A' },
  { organisationId: 'b', organisationName: 'B' },
  { organisationId: 'c', organisationName: 'C' },
];
const answers = (org: string, scores: number[]) => scores.map((score, i) => ({ organisationId: org, respondentId: `${org}${i}`, score }));

describe('evaluation aggregation', () => {
  it('computes means and distributions', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 3, 5])).toBe(2.75);
    expect(distribution([1, 1, 5, 3, 3, 3])).toEqual([2, 0, 3, 0, 1]);
  });

  it('shows an organisation’s mean only from the threshold of respondents', () => {
    const { byOrganisation } = aggregateByOrganisation([...answers('a', [5, 4, 3]), ...answers('b', [2, 2])], orgs, 3);
    expect(byOrganisation).toEqual([
      { organisationId: 'a', organisationName: 'A', respondents: 3, mean: 4 },
      { organisationId: 'b', organisationName: 'B', respondents: 2, mean: null },
      { organisationId: 'c', organisationName: 'C', respondents: 0, mean: null },
    ]);
  });

  it('counts respondents, not answers, toward the threshold', () => {
    const twoPeopleManyAnswers = [
      { organisationId: 'a', respondentId: 'x', score: 5 },
      { organisationId: 'a', respondentId: 'x', score: 4 },
      { organisationId: 'a', respondentId: 'y', score: 3 },
    ];
    expect(aggregateByOrganisation(twoPeopleManyAnswers, orgs, 3).byOrganisation[0].mean).toBeNull();
  });

  it('measures the perception gap between the highest and lowest shown organisations', () => {
    const rows = [...answers('a', [5, 5, 4]), ...answers('b', [2, 3, 1]), ...answers('c', [4, 4])];
    const { gap } = aggregateByOrganisation(rows, orgs, 3);
    expect(gap).toBeCloseTo(14 / 3 - 2);
    expect(aggregateByOrganisation(answers('a', [5, 5, 5]), orgs, 3).gap).toBeNull();
  });

  it('honours another threshold setting', () => {
    expect(aggregateByOrganisation(answers('b', [2]), orgs, 1).byOrganisation[1].mean).toBe(2);
  });
});
