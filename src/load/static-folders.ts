// Pure: the config's bytes → the static folders to list (static/, and staticDir when the config names one), before the config is validated.
import { normalStaticDir, STATIC_FOLDER, staticDirProblem } from '../model/static-dir-rule.js';

/** Whether the config's bytes may set staticDir: only then is the config parsed for it. */
export function mayNameStaticDir(configBytes: Uint8Array | undefined): configBytes is Uint8Array {
  return configBytes !== undefined && Buffer.from(configBytes.buffer, configBytes.byteOffset, configBytes.byteLength).includes('staticDir');
}

/**
 * The folders are listed with the other setting files, before the config is validated (and by the
 * no-op check, which validates nothing and loads no parser unless the config names staticDir), so
 * staticDir is read from the YAML here on its own, with the parser handed in: a value the config
 * schema refuses, or a config that does not parse, lists static/ alone, and validating the config
 * reports it.
 */
export function staticFoldersOf(configBytes: Uint8Array | undefined, parseYaml: (text: string) => unknown): string[] {
  if (!mayNameStaticDir(configBytes)) return [STATIC_FOLDER];
  const data = parseYaml(Buffer.from(configBytes.buffer, configBytes.byteOffset, configBytes.byteLength).toString('utf8'));
  const staticDir = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).staticDir : undefined;
  if (typeof staticDir !== 'string' || staticDir.trim() === '' || staticDirProblem(staticDir.trim()) !== undefined) return [STATIC_FOLDER];
  const folder = normalStaticDir(staticDir);
  return folder === STATIC_FOLDER ? [STATIC_FOLDER] : [STATIC_FOLDER, folder];
}
