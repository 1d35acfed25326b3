// Issue 14: the progress display is drawn on stderr when it is a terminal (here a pseudo-terminal made by script(1) of util-linux), never in CI or into a pipe, and never changes stdout.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { repoRoot, siteFiles, writeSite } from '../helpers/site-fixture.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Quotes a word for sh. */
const quoted = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/**
 * Runs the CLI with stderr on a pseudo-terminal and stdout into a file: what was drawn on the
 * terminal, and what stdout got. `env` is added to the environment (CI is taken out unless set there).
 */
function runOnTerminal(args: string[], env: Record<string, string>): { terminal: string; stdout: string; status: number | null } {
  const outFile = join(writeSite({}), 'stdout.txt');
  const command = [process.execPath, join(repoRoot, 'bin/polyfeed.js'), ...args].map(quoted).join(' ');
  const { CI: _ci, ...inherited } = process.env;
  const run = spawnSync('script', ['--quiet', '--return', '--command', `${command} > ${quoted(outFile)}`, '/dev/null'], {
    encoding: 'utf8',
    env: { ...inherited, NO_COLOR: '1', TERM: 'xterm', ...env },
  });
  return { terminal: run.stdout, stdout: readFileSync(outFile, 'utf8'), status: run.status };
}

/** The progress line as cli-progress draws it: from the start of the line, erased to its end. */
const drawnLine = /\x1b\[1Gpolyfeed {2}(read\/validate|render)/;

describe.runIf(hasScript)('on a terminal', () => {
  test('a build draws its stages and counts on stderr, clears them, and stdout is what it is into a pipe', () => {
    const files = siteFiles();
    const shown = runOnTerminal(['build', '--root', writeSite(files)], { POLYFEED_PROGRESS_DELAY_MS: '0' });
    expect(shown.status).toBe(0);
    expect(shown.terminal).toMatch(drawnLine);
    expect(shown.terminal).toMatch(/read\/validate .*\d+\/1 article files/);
    // Cleared at the end: the last thing drawn erases the line.
    expect(shown.terminal.trimEnd().endsWith('\x1b[2K')).toBe(true);
    const piped = runCli(['build', '--root', writeSite(files)]);
    expect(shown.stdout.replaceAll(/polyfeed-test-\w+/g, 'SITE')).toBe(piped.stdout.replaceAll(/polyfeed-test-\w+/g, 'SITE'));
    expect(piped.stderr).not.toMatch(/\x1b\[/);
  });

  test('check draws too', () => {
    const shown = runOnTerminal(['check', '--root', writeSite(siteFiles())], { POLYFEED_PROGRESS_DELAY_MS: '0' });
    expect(shown.terminal).toMatch(drawnLine);
    expect(shown.stdout).toBe('All sources are valid.\n');
  });

  test('a run shorter than the delay draws nothing', () => {
    // The delay is about a second (see the display's unit test); a long one here keeps this test off the clock.
    const shown = runOnTerminal(['check', '--root', writeSite(siteFiles())], { POLYFEED_PROGRESS_DELAY_MS: '60000' });
    expect(shown.status).toBe(0);
    expect(shown.terminal).not.toMatch(/polyfeed {2}/);
  });

  test.each([['CI=true', { CI: 'true' }], ['TERM=dumb', { TERM: 'dumb' }]])('nothing is drawn with %s', (_name, env) => {
    const shown = runOnTerminal(['build', '--root', writeSite(siteFiles())], { POLYFEED_PROGRESS_DELAY_MS: '0', ...env });
    expect(shown.status).toBe(0);
    expect(shown.terminal).not.toMatch(/polyfeed {2}/);
  });

  test('nothing is drawn with --quiet', () => {
    const shown = runOnTerminal(['build', '--root', writeSite(siteFiles()), '--quiet'], { POLYFEED_PROGRESS_DELAY_MS: '0' });
    expect(shown.terminal).toBe('');
    expect(shown.stdout).toBe('');
  });
});

describe('not on a terminal', () => {
  test('stderr into a pipe gets no progress, whatever the delay', () => {
    const run = runCli(['build', '--root', writeSite(siteFiles())], { env: { POLYFEED_PROGRESS_DELAY_MS: '0' } });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
