/** The site's address from SITE_URL (src/utils/site-url.ts): the default is the local preview's, said so; a bad value is refused with the fix. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL, SiteUrlError, siteUrlFromEnv } from '../../src/utils/site-url.ts';

describe('SITE_URL', () => {
  it('defaults to the local preview address, marked as not configured', () => {
    expect(siteUrlFromEnv(undefined)).toEqual({ url: DEFAULT_SITE_URL, fromEnv: false });
    expect(siteUrlFromEnv('  ')).toEqual({ url: DEFAULT_SITE_URL, fromEnv: false });
  });

  it('takes a domain, with or without its slash', () => {
    expect(siteUrlFromEnv('https://huanbao.example.gov.cn')).toEqual({ url: 'https://huanbao.example.gov.cn/', fromEnv: true });
    expect(siteUrlFromEnv('https://owner.github.io/')).toEqual({ url: 'https://owner.github.io/', fromEnv: true });
  });

  it('refuses what the site cannot be published at, saying what to write', () => {
    expect(() => siteUrlFromEnv('huanbao.gov.cn')).toThrow(SiteUrlError);
    expect(() => siteUrlFromEnv('huanbao.gov.cn')).toThrow(/请写成 https:\/\/域名/);
    expect(() => siteUrlFromEnv('ftp://huanbao.gov.cn')).toThrow(/https:\/\//);
    // A GitHub Pages project site lives under /<repo>/; the site's links start at the root.
    expect(() => siteUrlFromEnv('https://owner.github.io/plans')).toThrow(/自定义域名/);
  });
});
