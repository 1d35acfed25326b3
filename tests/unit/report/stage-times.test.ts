// Issue 14: --verbose tells the time of each stage a run went through, and what it counted.
import { describe, expect, test } from 'vitest';
import { formatStageTimes, stageClock } from '../../../src/report/stage-times.js';

describe('stage times', () => {
  test('each stage lasts until the next begins; the last until the run ends', () => {
    let nowMs = 100;
    const clock = stageClock(() => nowMs);
    clock.stage('scan');
    nowMs = 112;
    clock.stage('read', 1200);
    clock.advance(64);
    clock.advance(1136);
    nowMs = 1412;
    clock.stage('render');
    clock.setTotal(5000);
    clock.advance(5000);
    nowMs = 3412.4;
    const times = clock.finish();
    expect(times).toEqual([
      { stage: 'scan', ms: 12, count: 0 },
      { stage: 'read', ms: 1300, count: 1200 },
      { stage: 'render', ms: 2000.4000000000001, count: 5000 },
    ]);
    expect(formatStageTimes(times)).toEqual([
      'Stage times:',
      '  scan              12 ms',
      '  read/validate  1,300 ms  1,200 article files read',
      '  render         2,000 ms  5,000 items rendered',
      '  total          3,312 ms',
    ]);
  });

  test('a run that told no stage prints nothing', () => {
    expect(formatStageTimes(stageClock(() => 0).finish())).toEqual([]);
  });
});
