/**
 * Entry of the bundled CLI (dist-cli/openfpa.cjs, built by scripts/build-cli.cjs): bin/openfpa.cjs
 * requires it and calls `main`; a worker thread started by cli/jobs.ts runs the same file and serves
 * jobs instead (loading the engines only then, so the CLI's own start stays light).
 */
import { isCliWorker } from './worker-mark';

export { main } from './main';

if (isCliWorker()) void import('./worker').then((worker) => worker.serveCliJobs());
