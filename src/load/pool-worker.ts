// I/O: a worker thread of the pool: takes chunks of each task it is sent and answers with what it did.
import { parentPort } from 'node:worker_threads';
import type { PoolRequest } from './worker-pool.js';

parentPort?.on('message', async (request: PoolRequest) => {
  if (request.kind === 'scan') {
    const { scanClaimedChunks } = await import('./scan-article-files.js');
    // Sent a chunk at a time: the worker's heap is capped and holds no more than one.
    scanClaimedChunks(request.task, request.index, (chunk) => parentPort!.postMessage({ id: request.id, partial: [chunk] }));
    parentPort!.postMessage({ id: request.id, result: [] });
  } else {
    const { stageFeedJob } = await import('../write/stage-feed-jobs.js');
    parentPort!.postMessage({ id: request.id, result: stageFeedJob(request.context, request.job) });
  }
});
