import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { flushStagedNow, StagedFlusher } from '../../../src/write/flush-staged.js';
import type { StagedOutput } from '../../../src/write/staging-files.js';

function stagedIn(outDir: string, names: readonly string[]): StagedOutput[] {
  return names.map((name) => {
    const target = join(outDir, name);
    const temporary = `${target}.polyfeed-tmp`;
    writeFileSync(temporary, `bytes of ${name}`);
    return { path: name, target, temporary, hash: 'unused' };
  });
}

const gone = (outDir: string): StagedOutput => ({ path: 'gone.xml', target: join(outDir, 'gone.xml'), temporary: join(outDir, 'gone.xml.polyfeed-tmp'), hash: 'unused' });

describe('StagedFlusher', () => {
  test('flushes every file added, in several batches, and settles with no problem; the files keep their bytes', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'polyfeed-flush-'));
    const flusher = new StagedFlusher({ root: outDir, outDir });
    const first = stagedIn(outDir, Array.from({ length: 20 }, (_, index) => `a${index}.xml`));
    flusher.add(first);
    const second = stagedIn(outDir, ['b.xml']);
    flusher.add(second);
    expect(await flusher.settled()).toEqual([]);
    for (const file of [...first, ...second]) expect(readFileSync(file.temporary, 'utf8')).toBe(`bytes of ${file.path}`);
    // Settled again with nothing added: at once, still no problem.
    expect(await flusher.settled()).toEqual([]);
  });

  test('a file that cannot be flushed (gone meanwhile) is OUTPUT_WRITE_FAILED naming its output, with nothing published', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'polyfeed-flush-'));
    const flusher = new StagedFlusher({ root: outDir, outDir });
    flusher.add([...stagedIn(outDir, ['kept.xml']), gone(outDir)]);
    const problems = await flusher.settled();
    expect(problems.map((problem) => [problem.code, problem.file])).toEqual([['OUTPUT_WRITE_FAILED', 'gone.xml']]);
    expect(problems[0]!.message).toMatch(/no such file/);
    expect(problems[0]!.message).toMatch(/nothing|previous/i);
  });

  test('flushStagedNow throws on a file that is gone, naming the output', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'polyfeed-flush-'));
    expect(() => flushStagedNow([gone(outDir)])).toThrow(/gone\.xml/);
  });
});
