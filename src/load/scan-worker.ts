// I/O: a worker thread's side of scanArticleFiles: takes chunks of one task and posts back what it read.
import { parentPort } from 'node:worker_threads';
import { scanClaimedChunks, type ScanTask } from './scan-article-files.js';

parentPort?.once('message', ({ task, index }: { task: ScanTask; index: number }) => {
  parentPort!.postMessage(scanClaimedChunks(task, index));
});
