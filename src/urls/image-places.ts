// Pure: the config → where an article's images may be: the static folders polyfeed lists, and the prefixes of addresses it is told to accept unseen.
import type { SiteConfig } from '../model/config-schema.js';
import { normalStaticDir, STATIC_FOLDER } from '../model/static-dir-rule.js';
import { parseSiteUrl } from './resolve-site-url.js';

export interface ImagePlaces {
  /** The folders a site image is looked for in, relative to the site folder: static/, then staticDir. */
  readonly folders: readonly string[];
  /** remoteImages as absolute URL prefixes (a site path resolved against baseUrl); undefined when not set. */
  readonly remotePrefixes: readonly string[] | undefined;
}

const placesByConfig = new WeakMap<Pick<SiteConfig, 'baseUrl' | 'staticDir' | 'remoteImages'>, ImagePlaces>();

export function imagePlacesOf(config: Pick<SiteConfig, 'baseUrl' | 'staticDir' | 'remoteImages'>): ImagePlaces {
  let places = placesByConfig.get(config);
  if (!places) {
    const bases = { siteUrl: config.baseUrl, pageUrl: config.baseUrl };
    places = {
      folders: config.staticDir === undefined ? [STATIC_FOLDER] : [STATIC_FOLDER, normalStaticDir(config.staticDir)],
      remotePrefixes: config.remoteImages?.flatMap((prefix) => parseSiteUrl(prefix, bases)?.href ?? []),
    };
    placesByConfig.set(config, places);
  }
  return places;
}

/** Whether an image's absolute URL is under one of the remoteImages prefixes. */
export function isListedRemoteImage(url: string, places: ImagePlaces): boolean {
  return places.remotePrefixes?.some((prefix) => url.startsWith(prefix)) ?? false;
}
