/**
 * Runs the workbench estimators off the main thread so the page stays responsive; reports each
 * step as it starts. One request at a time: the client terminates the worker to cancel.
 */
import { robustnessTable } from './robustness';
import { everyInference, robustnessExtras } from './inference-run';
import { runWorkbench, toWorkbenchError } from './run';
import type { WorkbenchRequest, WorkerMessage, WorkerTask } from './types';

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = (event: MessageEvent<{ id: number; task: WorkerTask; request: WorkbenchRequest }>) => {
  const { id, task, request } = event.data;
  try {
    const result =
      task === 'robustness'
        ? robustnessTable(request, (done, total) => post({ type: 'progress', id, step: 'robustness', done, total }), robustnessExtras, everyInference)
        : runWorkbench(request, (step, done, total) => post({ type: 'progress', id, step, done, total }));
    post({ type: 'result', id, result });
  } catch (e) {
    post({ type: 'error', id, error: toWorkbenchError(e) });
  }
};
