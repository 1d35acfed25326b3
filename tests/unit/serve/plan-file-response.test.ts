import { describe, expect, test } from 'vitest';
import { entityTagOf, planFileResponse } from '../../../src/serve/plan-file-response.js';

const feed = { digest: 'd1g3st', lastModifiedMs: Date.parse('2026-03-14T09:30:15Z'), mediaType: 'application/rss+xml; charset=utf-8' };
const image = { digest: 'p1x', lastModifiedMs: Date.parse('2026-03-14T09:30:15Z'), mediaType: 'image/png' };

describe('planFileResponse', () => {
  test('a plain GET: 200 with the validators, the type and Vary', () => {
    const plan = planFileResponse({ method: 'GET' }, feed);
    expect(plan).toMatchObject({ status: 200, coding: 'identity', sendsBody: true });
    expect(plan.headers).toMatchObject({ 'Content-Type': feed.mediaType, ETag: '"d1g3st"', 'Last-Modified': 'Sat, 14 Mar 2026 09:30:15 GMT', Vary: 'Accept-Encoding, Accept' });
    expect(plan.headers['Content-Encoding']).toBeUndefined();
  });

  test('each coding has its own entity tag, and a 304 is only for the coding chosen', () => {
    const br = planFileResponse({ method: 'GET', acceptEncoding: 'gzip, br' }, feed);
    expect(br.headers).toMatchObject({ ETag: entityTagOf('d1g3st', 'br'), 'Content-Encoding': 'br' });
    const gzip = planFileResponse({ method: 'GET', acceptEncoding: 'gzip' }, feed);
    expect(gzip.headers.ETag).toBe('"d1g3st-gzip"');
    expect(new Set([br.headers.ETag, gzip.headers.ETag, entityTagOf('d1g3st', 'identity')]).size).toBe(3);
    expect(planFileResponse({ method: 'GET', acceptEncoding: 'gzip', ifNoneMatch: '"d1g3st-gzip"' }, feed).status).toBe(304);
    expect(planFileResponse({ method: 'GET', acceptEncoding: 'br', ifNoneMatch: '"d1g3st-gzip"' }, feed).status).toBe(200);
  });

  test('a 304 has no body, no type and no coding, but its validators and Vary', () => {
    const plan = planFileResponse({ method: 'GET', acceptEncoding: 'br', ifNoneMatch: '"d1g3st-br"' }, feed);
    expect(plan).toMatchObject({ status: 304, sendsBody: false });
    expect(plan.headers).toMatchObject({ ETag: '"d1g3st-br"', Vary: 'Accept-Encoding, Accept' });
    expect(plan.headers['Content-Type']).toBeUndefined();
    expect(plan.headers['Content-Encoding']).toBeUndefined();
  });

  test('HEAD: the headers of a GET, no body', () => {
    const plan = planFileResponse({ method: 'HEAD', acceptEncoding: 'gzip' }, feed);
    expect(plan).toMatchObject({ status: 200, coding: 'gzip', sendsBody: false });
  });

  test('an image is never compressed and has no Vary', () => {
    const plan = planFileResponse({ method: 'GET', acceptEncoding: 'br, gzip' }, image);
    expect(plan.coding).toBe('identity');
    expect(plan.headers.Vary).toBeUndefined();
  });
});
