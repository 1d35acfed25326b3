// I/O: which process a pid names now: running or not, and when it started (so a reused pid is not taken for the build that held a lock).
import { readFileSync } from 'node:fs';

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Read once: the same for every process of this boot. */
let bootId: string | undefined | null = null;

/**
 * When the process started, as "boot id:clock ticks since boot" (Linux's /proc), or undefined
 * where that cannot be read. Two processes with the same pid never have the same value.
 */
export function processStartOf(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  // The command name (field 2) is in parentheses and may hold spaces: fields are counted after its ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = fields[19];
  if (bootId === null) bootId = readText('/proc/sys/kernel/random/boot_id')?.trim();
  return ticks === undefined || bootId === undefined ? undefined : `${bootId}:${ticks}`;
}

/** True while a process with this pid runs (one of another user counts). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True while the process that recorded `started` still runs: its pid runs and, when both start
 * times are known, it started when recorded (the pid was not given to another process since).
 */
export function isSameProcessRunning(pid: number, started: string | undefined): boolean {
  if (!isRunning(pid)) return false;
  if (started === undefined) return true;
  const now = processStartOf(pid);
  return now === undefined || now === started;
}
