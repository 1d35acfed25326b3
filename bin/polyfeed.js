#!/usr/bin/env node
// The bundled CLI (npm run build): one file to load instead of hundreds of modules.
import { runCli } from '../dist/bundle/cli.js';

await runCli(process.argv.slice(2));
