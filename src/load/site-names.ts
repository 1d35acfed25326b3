// Pure: the names of a site folder's fixed entries.

/** Files published as they are; images referenced by site path must be here. */
export const STATIC_FOLDER = 'static';

export const CONFIG_FILE_NAME = 'polyfeed.config.yaml';
