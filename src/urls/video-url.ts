// Pure: a video embed reference → the address of its player page.
import type { FrontMatter } from '../model/article-schema.js';

type Video = NonNullable<FrontMatter['video']>;

export function videoUrl(video: Video): string {
  switch (video.provider) {
    case 'brightcove':
      return `https://players.brightcove.net/${video.account}/${encodeURIComponent(video.player)}_default/index.html?videoId=${encodeURIComponent(video.id)}`;
    case 'youtube':
      return `https://www.youtube.com/watch?v=${encodeURIComponent(video.id)}`;
    case 'vimeo':
      return `https://vimeo.com/${video.id}`;
  }
}
