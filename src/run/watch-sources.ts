// I/O: watches a site's sources with chokidar and calls back, debounced, when any of them is added, changed or removed; never the output folder or the cache.
import { basename, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isLeftoverName } from '../write/polyfeed-names.js';

/** What a source watcher is made with. */
export interface WatchSourcesOptions {
  /** The site folder, absolute. */
  readonly root: string;
  /** The sources, relative to the site folder (files or folders, existing or not yet). */
  readonly sources: readonly string[];
  /** Folders never watched, absolute: the output folder, its lock folder, `.polyfeed-cache/`. */
  readonly excluded: readonly string[];
  /** How long after the last change the callback is called: an editor's save, or a `git checkout`, is many events. */
  readonly debounceMs: number;
  /** Called once per burst of changes, with the paths changed (relative to the site folder). */
  readonly onChange: (paths: readonly string[]) => void;
}

/** A running watcher: the sources can be replaced (a config naming other folders), and it is closed at the end. */
export interface SourceWatcher {
  /** Resolves when the first scan is done: changes from then on are seen. */
  readonly ready: Promise<void>;
  setSources(sources: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

const isUnder = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** Folders of tools beside the sources, never sources themselves. */
const NEVER_SOURCES = ['.polyfeed-cache', '.git', 'node_modules'];

/**
 * Watches the site folder itself, with every path that is neither a source, inside one, nor a
 * folder on the way to one ignored, so a source made after the start (a `static/` folder, the
 * helpers module) is seen as well, and the output folder is never scanned. chokidar is given
 * folders, not globs (its version 4 takes none).
 */
export function watchSources(options: WatchSourcesOptions): SourceWatcher {
  const excluded = [...options.excluded.map((folder) => relative(options.root, folder).split(sep).join('/')), ...NEVER_SOURCES].filter((folder) => folder !== '' && !folder.startsWith('..'));
  let sources = [...options.sources].map((source) => (source === '.' ? '' : source.split(sep).join('/')));
  const isWatched = (absolute: string): boolean => {
    const path = relative(options.root, absolute).split(sep).join('/');
    if (path === '') return true;
    if (path.startsWith('..') || excluded.some((folder) => isUnder(path, folder))) return false;
    // A build's own temporary files (published-ids.tsv is written beside itself, then renamed).
    if (isLeftoverName(basename(absolute))) return false;
    return sources.some((source) => source === '' || isUnder(path, source) || source.startsWith(`${path}/`));
  };
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const paths = [...changed].sort();
    changed = new Set();
    options.onChange(paths);
  };
  const start = (): FSWatcher => {
    const watcher = watch(options.root, { ignoreInitial: true, ignored: (path) => !isWatched(path) });
    watcher.on('all', (_event, path) => {
      changed.add(relative(options.root, path).split(sep).join('/'));
      clearTimeout(timer);
      timer = setTimeout(flush, options.debounceMs);
    });
    return watcher;
  };
  const readyOf = (watcher: FSWatcher) => new Promise<void>((resolveReady) => watcher.once('ready', () => resolveReady()));
  let watcher = start();
  return {
    ready: readyOf(watcher),
    async setSources(next) {
      const normal = [...next].map((source) => (source === '.' ? '' : source.split(sep).join('/')));
      if (normal.join('\n') === sources.join('\n')) return;
      sources = normal;
      // What was ignored is not scanned again: a new watcher scans the new list.
      await watcher.close();
      watcher = start();
      await readyOf(watcher);
    },
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
