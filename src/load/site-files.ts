// Pure: the names of a site's setting files and folders, for the modules a no-op build loads (which must not load a parser).
export { STATIC_FOLDER } from '../model/static-dir-rule.js';

export const CONFIG_FILE_NAME = 'polyfeed.config.yaml';
