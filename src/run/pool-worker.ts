// I/O: a worker thread of the pool: takes chunks of each task it is sent and answers with what it did.
import { parentPort } from 'node:worker_threads';
import type { FeedJobInProgress } from './stage-feed-jobs.js';
import type { PoolRequest } from './worker-pool.js';

/** Feeds begun on this worker and not yet ended, by the key the pool gave them. */
const feedJobs = new Map<number, FeedJobInProgress>();

async function answer(request: PoolRequest): Promise<unknown> {
  switch (request.kind) {
    case 'scan': {
      const { scanClaimedChunks } = await import('./scan-article-files.js');
      // Sent a chunk at a time: the worker's heap is capped and holds no more than one.
      scanClaimedChunks(request.task, request.index, (chunk) => parentPort!.postMessage({ id: request.id, partial: [chunk] }));
      return [];
    }
    case 'feed-begin': {
      const { beginFeedJob } = await import('./stage-feed-jobs.js');
      feedJobs.set(request.key, beginFeedJob(request.context, request.start));
      return null;
    }
    case 'feed-items':
      feedJobs.get(request.key)!.add(request.entries);
      return null;
    case 'feed-end': {
      const job = feedJobs.get(request.key)!;
      feedJobs.delete(request.key);
      return job.end();
    }
  }
}

parentPort?.on('message', (request: PoolRequest) => {
  void answer(request).then((result) => parentPort!.postMessage({ id: request.id, result }));
});
