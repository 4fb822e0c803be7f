import { SDG_CODES, SDG_GOALS, SDG_TARGETS, sdgGoalOf, sdgName, sortSdgs } from './sdg';

describe('UN Sustainable Development Goals', () => {
  it('lists the 17 goals and the 19 targets of goal 17, each named in French and English', () => {
    expect(SDG_GOALS.map((g) => g.code)).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    expect(SDG_TARGETS.map((t) => t.code)).toEqual(Array.from({ length: 19 }, (_, i) => `17.${i + 1}`));
    for (const item of [...SDG_GOALS, ...SDG_TARGETS]) {
      expect(item.fr.length).toBeGreaterThan(3);
      expect(item.en.length).toBeGreaterThan(3);
    }
    expect(new Set(SDG_CODES).size).toBe(36);
  });

  it('describes the partnership targets 17.16 and 17.17', () => {
    expect(sdgName('17.16', 'en')).toContain('multi-stakeholder partnerships');
    expect(sdgName('17.17', 'fr')).toContain('partenariats publics, public-privé et avec la société civile');
    expect(sdgName('17', 'fr')).toBe('Partenariats pour la réalisation des objectifs');
    expect(sdgGoalOf('17.17')).toBe('17');
  });

  it('gives every goal colour a contrast of at least 4.5:1 with white text', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5]
        .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const weakest = Math.min(...SDG_GOALS.map((g) => 1.05 / (luminance(g.colour) + 0.05)));
    expect(weakest).toBeGreaterThanOrEqual(4.5);
  });

  it('sorts tags goal by goal, a goal before its targets', () => {
    expect(sortSdgs(['17.17', '3', '17', '17.2', '3'])).toEqual(['3', '17', '17.2', '17.17']);
  });
});
