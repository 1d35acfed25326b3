// --format human|json|github, --strict and colour, through the real CLI.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { siteFiles, writeSite } from '../helpers/site-fixture.js';

const broken = () =>
  writeSite(siteFiles({ 'articles/first/en.md': '---\ntitel: First\ndate: 2025-03-14T09:30:00\n---\nHello\n' }));

describe('report formats', () => {
  test('human (default): sorted problems with code frames, summary, no colour when NO_COLOR is set', () => {
    const run = runCli(['check', '--root', broken()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('articles/first/en.md:2:1 UNKNOWN_FIELD titel');
    expect(run.stderr).toContain('  > 3 | date: 2025-03-14T09:30:00');
    expect(run.stderr).toContain('3 errors, 0 warnings in 1 file');
    expect(run.stderr).not.toMatch(/\u001b\[/);
  });

  test('json: one parseable document on stdout with every problem', () => {
    const run = runCli(['check', '--root', broken(), '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem: { code: string; line: number }) => [problem.code, problem.line])).toEqual([
      ['REQUIRED_FIELD', 2],
      ['UNKNOWN_FIELD', 2],
      ['INVALID_DATE', 3],
    ]);
  });

  test('json after a successful build lists what was written', () => {
    const root = writeSite(siteFiles());
    const report = JSON.parse(runCli(['build', '--root', root, '--format', 'json']).stdout);
    expect(report).toMatchObject({ ok: true, problems: [], output: { written: expect.arrayContaining(['en/atom.xml']) } });
  });

  test('github: workflow commands on stdout', () => {
    // Files are named from the working directory (or GITHUB_WORKSPACE): here, the site folder.
    const root = broken();
    const run = runCli(['check', '--root', root, '--format', 'github'], { cwd: root, env: { GITHUB_WORKSPACE: '' } });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^::error file=articles\/first\/en\.md,line=3,col=7,title=INVALID_DATE date::/);
  });

  test('an unknown format is a usage error', () => {
    expect(runCli(['check', '--format', 'xml']).status).toBe(2);
  });
});

describe('--strict', () => {
  // An Arabic-only article is a warning under the default policy.
  const withWarning = () => writeSite(siteFiles({ 'articles/solo/ar.md': '---\ntitle: وحيد\ndate: 2025-03-14T09:30:00+03:00\n---\nنص\n' }));

  test('warnings are shown but do not fail the run', () => {
    const root = withWarning();
    const run = runCli(['build', '--root', root]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('articles/solo/ warning MISSING_DEFAULT_LANGUAGE');
    expect(run.stdout).toContain('Built 6 feeds');
  });

  test('with --strict they fail it and nothing is written', () => {
    const root = withWarning();
    const run = runCli(['build', '--root', root, '--strict']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Nothing was written');
  });
});

describe('check renders a sample item', () => {
  test('a template field that does not exist is found by check, reported once, in the template', () => {
    const item = siteFiles()['templates/item.hbs']!.replace('{{body}}', '{{body}}\n{{subtitle}}');
    const root = writeSite(siteFiles({ 'templates/item.hbs': item, 'articles/first/ar.md': '---\ntitle: أول\ndate: 2025-03-14T09:30:00+03:00\n---\nنص\n' }));
    const run = runCli(['check', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stderr.match(/TEMPLATE_RENDER/g)).toHaveLength(1);
    // At the field's name, after the "{{" of {{subtitle}}, on the line it was added as.
    const line = item.split('\n').indexOf('{{subtitle}}') + 1;
    expect(line).toBeGreaterThan(1);
    expect(run.stderr).toContain(`templates/item.hbs:${line}:3 TEMPLATE_RENDER`);
  });
});
