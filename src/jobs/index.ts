/**
 * One job protocol for heavy work off the calling thread (see protocol.ts for the messages).
 */
// The messages and the data of errors
export { jobErrorData, errorFromJob } from './protocol';
export type {
  JobCatalogue,
  JobKind,
  JobContext,
  JobHandlers,
  JobErrorData,
  JobRequest,
  JobReply,
  JobProgress,
} from './protocol';
export { JobErrors } from './errors';

// The runner side
export { createJobRunner } from './runner';
export type { PostReply } from './runner';

// Where jobs run
export { webWorkerEndpoint, nodeWorkerEndpoint, inThreadEndpoint, serveWebWorker, serveNodePort } from './endpoints';
export type { JobEndpoint, WebWorkerLike, NodeWorkerLike, WebWorkerScopeLike, NodePortLike } from './endpoints';

// The client side
export { createJobPool } from './pool';
export type { JobPool, JobPoolOptions, JobRunOptions } from './pool';

// Progress
export { estimateTimeLeft, finishRatio } from './time-left';
export type { ProgressSample, TimeLeft, TimeLeftOptions } from './time-left';
