import { describe, expect, test } from 'vitest';
import { videoUrl } from '../../../src/urls/video-url.js';

describe('videoUrl', () => {
  test('Brightcove: the player page of the account, player and video', () => {
    const url = new URL(
      videoUrl({ provider: 'brightcove', account: '6008318887001', player: 'e1605111-a71b-46e9-9ddd-84c56cff3743', id: '7a20f33a-cd52-4c21-93e3-1aedf41aa1dc' }),
    );
    expect(url.origin).toBe('https://players.brightcove.net');
    expect(url.pathname).toBe('/6008318887001/e1605111-a71b-46e9-9ddd-84c56cff3743_default/index.html');
    expect(url.searchParams.get('videoId')).toBe('7a20f33a-cd52-4c21-93e3-1aedf41aa1dc');
  });

  test('Brightcove with the default player', () => {
    expect(videoUrl({ provider: 'brightcove', account: '123', player: 'default', id: 'abc' })).toBe(
      'https://players.brightcove.net/123/default_default/index.html?videoId=abc',
    );
  });

  test('YouTube: a watch page with the id in v', () => {
    const url = new URL(videoUrl({ provider: 'youtube', id: 'dQw4w9WgXcQ' }));
    expect(url.origin + url.pathname).toBe('https://www.youtube.com/watch');
    expect(url.searchParams.get('v')).toBe('dQw4w9WgXcQ');
  });

  test('Vimeo: the numeric id as the path', () => {
    expect(videoUrl({ provider: 'vimeo', id: '76979871' })).toBe('https://vimeo.com/76979871');
  });

  test('a title does not change the address', () => {
    expect(videoUrl({ provider: 'youtube', id: 'abc_-1', title: 'Talks end' })).toBe('https://www.youtube.com/watch?v=abc_-1');
  });
});
