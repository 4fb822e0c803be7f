import { directoryParams } from './directory.api';

describe('directoryParams', () => {
  it('leaves empty filters out and repeats the domains', () => {
    const params = directoryParams({
      q: 'épicerie',
      territory: '84',
      domain: ['food', 'health'],
      open: false,
      profile: undefined,
      limit: 20,
    });
    expect(params.toString()).toBe('q=%C3%A9picerie&territory=84&domain=food&domain=health&limit=20');
  });

  it('sends open only when asked for', () => {
    expect(directoryParams({ open: true }).get('open')).toBe('true');
    expect(directoryParams({ open: false }).has('open')).toBe(false);
  });
});
