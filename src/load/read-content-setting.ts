// Pure: whether a config's text has a `content` setting, told without parsing it.

/** Cheap test first: a config without a `content:` line uses polyfeed's own layout, and needs no parser. */
export function mentionsContentSetting(configBytes: Uint8Array | undefined): boolean {
  return configBytes !== undefined && /^content[ \t]*:/m.test(Buffer.from(configBytes).toString('latin1'));
}
