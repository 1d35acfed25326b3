// Issue 14: the progress display draws on the stream it is given (a fake terminal here) once the delay has passed, and clears its line when stopped.
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { PROGRESS_DELAY_MS, startProgressDisplay } from '../../../src/report/progress-display.js';
import { isCi, progressWanted } from '../../../src/report/progress-wanted.js';

/** A stream that says it is a terminal 100 columns wide, and keeps what is written to it. */
function fakeTerminal(): { stream: NodeJS.WritableStream; written: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { stream, written: () => chunks.join('') };
}

/** The last line drawn, without cursor and erase sequences. */
function lastDrawn(written: string): string {
  const frames = written.split('\x1b[1G').map((frame) => frame.replaceAll(/\x1b\[[\d;?]*[A-Za-z]|\x1b[78]/g, ''));
  return frames.filter((frame) => frame.trim() !== '').at(-1) ?? '';
}

describe('the progress display', () => {
  test('draws nothing before the delay, then the stage, its bar and counts, and the time so far', async () => {
    let nowMs = 0;
    const terminal = fakeTerminal();
    const display = startProgressDisplay({ stream: terminal.stream, now: () => nowMs });
    display.stage('scan');
    display.stage('read', 400);
    display.advance(64);
    await new Promise((resolve) => setImmediate(resolve));
    expect(terminal.written()).toBe('');
    // The thread was busy past the delay: the next count draws at once, without waiting for a timer.
    nowMs = PROGRESS_DELAY_MS + 500;
    display.advance(64);
    expect(lastDrawn(terminal.written())).toMatch(/^polyfeed {2}read\/validate {2}[=-]+ {2}128\/400 article files {2}1\.5 s$/);
    display.stop();
    expect(terminal.written().endsWith('\x1b[2K')).toBe(true);
  });

  test('a new stage is drawn at once and starts its count again; counts are drawn at the frame rate; a stage with no total shows no bar', async () => {
    let nowMs = 0;
    const terminal = fakeTerminal();
    const display = startProgressDisplay({ stream: terminal.stream, now: () => nowMs, delayMs: 0 });
    display.stage('read', 10);
    display.advance(10);
    nowMs = 2000;
    display.stage('render');
    display.setTotal(3000);
    expect(lastDrawn(terminal.written())).toMatch(/^polyfeed {2}render {2}-+ {2}0\/3000 items {2}2\.0 s$/);
    // cli-progress draws 10 frames a second, and at once a count that comes after a frame is overdue (the thread was busy).
    await new Promise((resolve) => setTimeout(resolve, 250));
    nowMs = 4000;
    display.advance(1000);
    expect(lastDrawn(terminal.written())).toMatch(/^polyfeed {2}render {2}=+-+ {2}1000\/3000 items {2}4\.0 s$/);
    nowMs = 6000;
    display.stage('publish');
    expect(lastDrawn(terminal.written())).toBe('polyfeed  write/publish  6.0 s');
    display.stop();
  });

  test('stopped before the delay, it never draws', async () => {
    const terminal = fakeTerminal();
    const display = startProgressDisplay({ stream: terminal.stream, delayMs: 5 });
    display.stage('read', 3);
    display.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(terminal.written()).toBe('');
  });

  test('the delay is about a second', () => {
    expect(PROGRESS_DELAY_MS).toBeGreaterThanOrEqual(500);
    expect(PROGRESS_DELAY_MS).toBeLessThanOrEqual(2000);
  });
});

describe('when progress is drawn', () => {
  test.each([
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'woodpecker' }, true],
    [{ CI: 'false' }, false],
    [{ CI: '0' }, false],
    [{ CI: '' }, false],
    [{}, false],
  ])('CI in %o is a CI job: %s', (env, ci) => {
    expect(isCi(env)).toBe(ci);
    expect(progressWanted({ stderrIsTty: true, env, quiet: false })).toBe(!ci);
  });

  test('only on a terminal, not a dumb one, and never with --quiet', () => {
    expect(progressWanted({ stderrIsTty: false, env: {}, quiet: false })).toBe(false);
    expect(progressWanted({ stderrIsTty: true, env: { TERM: 'dumb' }, quiet: false })).toBe(false);
    expect(progressWanted({ stderrIsTty: true, env: {}, quiet: true })).toBe(false);
    expect(progressWanted({ stderrIsTty: true, env: { TERM: 'xterm-256color' }, quiet: false })).toBe(true);
  });
});
