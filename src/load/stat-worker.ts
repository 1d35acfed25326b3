// I/O: a worker thread's side of a stat pool: takes chunks of one task, then says it is done.
import { parentPort } from 'node:worker_threads';
import { statClaimedChunks, type StatTask } from './stat-paths.js';

parentPort?.once('message', ({ task, index }: { task: StatTask; index: number }) => {
  statClaimedChunks(task, task.pathsText === '' ? [] : task.pathsText.split('\n'), index);
  parentPort!.postMessage('done');
});
