// Issue 13: the GitHub Actions examples use only commands and options the real CLI has, and keep
// the cache of one branch away from another.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createProgram } from '../../src/cli.js';
import { repoRoot } from '../helpers/site-fixture.js';

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly jobs: Record<string, { readonly steps: Step[]; readonly strategy?: { readonly matrix?: Record<string, unknown[]> } }>;
}

const folder = join(repoRoot, 'examples/github-actions');
const workflows = readdirSync(folder).filter((name) => name.endsWith('.yml'));
const read = (name: string) => parse(readFileSync(join(folder, name), 'utf8')) as Workflow;
const stepsOf = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);

/** Each `polyfeed …` command line of the workflow's run steps, as words. */
function polyfeedCommands(workflow: Workflow): string[][] {
  return stepsOf(workflow)
    .flatMap((step) => (step.run ?? '').split('\n'))
    .map((line) => line.trim())
    .filter((line) => /^npx polyfeed\b/.test(line))
    .map((line) => line.split(/\s+/).slice(2));
}

/** The words of a command line with `${{ … }}` expressions kept whole. */
const words = (args: string[]) => args.join(' ').match(/\$\{\{[^}]*\}\}|\S+/g) ?? [];

describe.each(workflows)('examples/github-actions/%s', (name) => {
  const workflow = read(name);
  const program = createProgram(() => {});

  test('uses only commands and options the CLI declares, with values it accepts', () => {
    const commands = polyfeedCommands(workflow);
    expect(commands.length).toBeGreaterThan(0);
    for (const args of commands) {
      const [commandName, ...rest] = words(args);
      const command = program.commands.find((candidate: Command) => candidate.name() === commandName);
      expect(command, `polyfeed ${commandName}`).toBeDefined();
      for (let position = 0; position < rest.length; position++) {
        const word = rest[position]!;
        expect(word.startsWith('--'), `${word} in polyfeed ${args.join(' ')}`).toBe(true);
        const option = command!.options.find((candidate) => candidate.long === word);
        expect(option, `polyfeed ${commandName} ${word}`).toBeDefined();
        if (!option!.required && !option!.optional) continue;
        const value = rest[++position];
        expect(value, `the value of ${word}`).toBeDefined();
        if (option!.argChoices && !value!.startsWith('${{')) expect(option!.argChoices).toContain(value);
      }
    }
  });

  test('runs every 10 minutes, on demand and on push, with Node 20', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '*/10 * * * *' }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.on).toHaveProperty('push');
    const setups = stepsOf(workflow).filter((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setups.length).toBeGreaterThan(0);
    for (const setup of setups) expect(String(setup.with?.['node-version'])).toBe('20');
  });

  test("keys the cache by branch, and restores only this branch's entries", () => {
    const caches = stepsOf(workflow).filter((step) => step.uses?.startsWith('actions/cache@'));
    expect(caches.length).toBeGreaterThan(0);
    for (const cache of caches) {
      expect(cache.with?.path).toBe('.polyfeed-cache');
      const key = String(cache.with?.key);
      expect(key).toContain('${{ github.ref }}~');
      const restoreKeys = String(cache.with?.['restore-keys']).trim().split('\n');
      // Each restore key ends in "~" right after the ref or a later part: a longer branch name cannot match it.
      for (const restoreKey of restoreKeys) {
        expect(restoreKey.trim().startsWith(key.slice(0, key.indexOf('${{ github.ref }}~') + '${{ github.ref }}~'.length))).toBe(true);
        expect(restoreKey.trim().endsWith('~')).toBe(true);
      }
    }
  });
});

describe('the examples as a whole', () => {
  test('check and build run with --format github; the matrix builds with --languages of its matrix', () => {
    const single = read('polyfeed.yml');
    expect(polyfeedCommands(single)).toEqual([['check', '--format', 'github'], ['build']]);
    expect(stepsOf(single).some((step) => step.run?.includes('git add published-ids.tsv'))).toBe(true);
    const matrix = read('polyfeed-matrix.yml');
    expect(polyfeedCommands(matrix)).toContainEqual(['build', '--languages', '${{', 'matrix.lang', '}}']);
    expect(matrix.jobs.feeds!.strategy?.matrix?.lang?.length).toBeGreaterThan(1);
  });
});
