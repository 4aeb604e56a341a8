/**
 * Runs the workbench estimators off the main thread so the page stays responsive; reports each
 * step as it starts. One request at a time: the client terminates the worker to cancel.
 */
import { runWorkbench, toWorkbenchError } from './run';
import type { WorkbenchRequest, WorkerMessage } from './types';

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = (event: MessageEvent<{ id: number; request: WorkbenchRequest }>) => {
  const { id, request } = event.data;
  try {
    const result = runWorkbench(request, (step, done, total) => post({ type: 'progress', id, step, done, total }));
    post({ type: 'result', id, result });
  } catch (e) {
    post({ type: 'error', id, error: toWorkbenchError(e) });
  }
};
