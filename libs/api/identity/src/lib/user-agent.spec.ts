import { describeUserAgent } from './user-agent';

describe('describeUserAgent', () => {
  it('names the browser with its major version and the system', () => {
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0')).toEqual({
      device: 'Firefox 132 · Windows',
      browser: 'Firefox 132',
      os: 'Windows 10',
    });
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toMatchObject({ browser: 'Mobile Safari 17', os: 'iOS 17.5' });
  });

  it('answers null for what it cannot read', () => {
    expect(describeUserAgent(null)).toEqual({ device: null, browser: null, os: null });
    expect(describeUserAgent('curl/8.5.0')).toMatchObject({ os: null });
  });
});
