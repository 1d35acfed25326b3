// Feed-level extras from the config reach every format: icon, logo, ttl, WebSub hub, stylesheet.
import { bodyText } from '../../../src/model/output-file.js';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { build } from '../../../src/run/build-site.js';
import { siteFiles, sourcesOf } from '../../helpers/site-fixture.js';

const extras = `baseUrl: https://example.org/news/
languages: [en, ar]
defaultLanguage: en
authors: [Example Desk]
icon: /favicon.png
logo: https://cdn.example.org/logo.png
ttlMinutes: 15
hub: https://hub.example.org/
stylesheet: /feed.xsl
`;

function outputs(config: string) {
  const result = build(sourcesOf(siteFiles({ 'polyfeed.config.yaml': config })), { version: 'test' });
  expect(result.errors).toEqual([]);
  const get = (path: string) => bodyText(result.files.find((file) => file.path === path)!.body);
  return { rss: get('en/rss.xml'), atom: get('en/atom.xml'), json: JSON.parse(get('en/feed.json')) };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'link' || name === 'atom:link' });

describe('feed-level extras', () => {
  test('RSS has ttl, sy:updatePeriod, image, hub link and the stylesheet instruction', () => {
    const { rss } = outputs(extras);
    expect(rss).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<\?xml-stylesheet href="https:\/\/example.org\/news\/feed.xsl" type="text\/xsl"\?>/);
    const channel = xml.parse(rss).rss.channel;
    expect(channel.ttl).toBe(15);
    expect(channel['sy:updatePeriod']).toBe('hourly');
    expect(channel['sy:updateFrequency']).toBe(4);
    expect(channel.image.url).toBe('https://cdn.example.org/logo.png');
    expect(channel['atom:link'].map((link: Record<string, string>) => [link['@rel'], link['@href']])).toEqual([
      ['self', 'https://example.org/news/en/rss.xml'],
      ['hub', 'https://hub.example.org/'],
    ]);
  });

  test('Atom has icon, logo, hub and self links resolved against a base URL with a path', () => {
    const { atom } = outputs(extras);
    const feed = xml.parse(atom).feed;
    expect(feed.icon).toBe('https://example.org/news/favicon.png');
    expect(feed.logo).toBe('https://cdn.example.org/logo.png');
    const links = Object.fromEntries(feed.link.map((link: Record<string, string>) => [link['@rel'], link['@href']]));
    expect(links).toEqual({ alternate: 'https://example.org/news/en/', self: 'https://example.org/news/en/atom.xml', hub: 'https://hub.example.org/' });
  });

  test('JSON Feed has icon, favicon and hubs', () => {
    const { json } = outputs(extras);
    expect(json.icon).toBe('https://cdn.example.org/logo.png');
    expect(json.favicon).toBe('https://example.org/news/favicon.png');
    expect(json.hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example.org/' }]);
  });

  test('without them, none of these elements appear', () => {
    const { rss, atom, json } = outputs('baseUrl: https://example.org/\nlanguages: [en, ar]\ndefaultLanguage: en\nauthors: [A]\n');
    expect(rss).not.toMatch(/xml-stylesheet|<ttl>|sy:updatePeriod|rel="hub"|<image>/);
    expect(atom).not.toMatch(/xml-stylesheet|<icon>|<logo>|rel="hub"/);
    expect(json).not.toHaveProperty('hubs');
    expect(json).not.toHaveProperty('favicon');
  });
});
