#!/usr/bin/env node
// The bundled CLI (npm run build): one file to load instead of hundreds of modules.
import { setFlagsFromString } from 'node:v8';

// V8 learns from the first articles validated that some objects made while validating front
// matter live long, and from then on makes them in the old generation, where they pile up until
// a full collection. Without that guess the peak RSS of a cold build of 50,000 articles is about
// 320 MB instead of 405 MB, at the same speed (see README, "Performance"). A garbage collector
// heuristic only, set before anything is allocated.
setFlagsFromString('--no-allocation-site-pretenuring');
// Lets a build collect its garbage once, before its render workers start (src/run/collect-garbage.ts).
setFlagsFromString('--expose-gc');

const { runCli } = await import('../dist/bundle/cli.js');
await runCli(process.argv.slice(2));
