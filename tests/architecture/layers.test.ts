// src/ is a pipeline of layer folders: each imports only from the folders before it, and no module
// imports itself through others. The rules live in .dependency-cruiser.cjs (ARCHITECTURE.md
// explains the order); this runs them, so a cycle or an upward import fails `npm test`.
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cruise, type ICruiseResult, type IFlattenedRuleSet } from 'dependency-cruiser';
import { repoRoot } from '../helpers/site-fixture.js';

const ruleSet = createRequire(import.meta.url)(join(repoRoot, '.dependency-cruiser.cjs'));

async function cruiseSource(): Promise<ICruiseResult> {
  const previous = process.cwd();
  process.chdir(repoRoot);
  try {
    const { output } = await cruise(['src'], { validate: true, ruleSet, tsPreCompilationDeps: true, tsConfig: { fileName: 'tsconfig.json' } });
    return output as ICruiseResult;
  } finally {
    process.chdir(previous);
  }
}

/** A violation as a line a reader can act on. */
function describeViolation(violation: ICruiseResult['summary']['violations'][number]): string {
  const cycle = violation.cycle?.map((step) => step.name).join(' → ');
  return `${violation.rule.name}: ${violation.from} → ${cycle ?? violation.to}`;
}

describe('the layered layout of src/', () => {
  test('has no import cycle and no import against the layer order', async () => {
    const result = await cruiseSource();
    expect(result.summary.violations.map(describeViolation)).toEqual([]);
    // The cruise saw the whole tree: a config that matched nothing would pass for the wrong reason.
    expect(result.modules.filter((module) => module.source.startsWith('src/')).length).toBeGreaterThan(100);
  });

  test('every folder of src/ is a layer the rules know', () => {
    const layers: string[] = ruleSet.forbidden.filter((rule: { name: string }) => rule.name.endsWith('-imports-only-earlier-layers')).map((rule: { name: string }) => rule.name.split('-')[0]);
    const folders = readdirSync(join(repoRoot, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.sort()).toEqual([...layers].sort());
  });

  test('the rules catch an upward import and a cycle', async () => {
    // The rules themselves, tried on a module graph made for the purpose (no file is written).
    const { output } = await cruise(['tests/architecture/fixture/src'], { validate: true, ruleSet: withRoot(ruleSet, 'tests/architecture/fixture/') });
    const names = new Set((output as ICruiseResult).summary.violations.map((violation) => violation.rule.name));
    expect(names).toEqual(new Set(['model-imports-only-earlier-layers', 'no-circular']));
  });
});

/** The same rules with every path pattern moved under `prefix`. */
function withRoot(rules: { forbidden: { from: { path?: string; pathNot?: string[] }; to: { path?: string } }[] }, prefix: string): IFlattenedRuleSet {
  const move = (pattern: string) => pattern.replace(/^\^src\//, `^${prefix}src/`);
  return {
    ...(rules as IFlattenedRuleSet),
    forbidden: rules.forbidden.map((rule) => ({
      ...rule,
      from: { ...rule.from, ...(rule.from.path ? { path: move(rule.from.path) } : {}), ...(rule.from.pathNot ? { pathNot: rule.from.pathNot.map(move) } : {}) },
      to: { ...rule.to, ...(rule.to.path ? { path: move(rule.to.path) } : {}) },
    })),
  };
}
