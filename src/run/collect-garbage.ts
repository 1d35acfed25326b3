// I/O (the process's memory): a full garbage collection on this thread, when the CLI made one possible (bin/polyfeed.js exposes it).
import { runInNewContext } from 'node:vm';

/**
 * Collects this thread's garbage now. Before the render workers start, the main thread holds
 * what validating the archive and describing its feeds left behind; V8 would keep it until its
 * heap grows further, and the workers' memory would then come on top of it. Does nothing when
 * the flag that exposes the collector was not set (the library used without the CLI).
 */
export function collectGarbage(): void {
  try {
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    if (typeof gc === 'function') (gc as () => void)();
  } catch {
    // no collector to call: nothing to do
  }
}
