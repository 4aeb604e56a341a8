/**
 * The page's handle on the estimation worker. A new request supersedes the running one: the old
 * worker is terminated (its result would be stale) and a fresh one started.
 */
import type { RobustnessResult } from './robustness';
import type { ProgressStep, WorkbenchError, WorkbenchRequest, WorkbenchResult, WorkerMessage, WorkerTask } from './types';

export class EstimateCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export class EstimateFailed extends Error {
  readonly detail: WorkbenchError;
  constructor(detail: WorkbenchError) {
    super(detail.message);
    this.detail = detail;
  }
}

export type OnProgress = (step: ProgressStep, fraction: number) => void;

let worker: Worker | null = null;
let running: { id: number; reject: (e: Error) => void } | null = null;
let seq = 0;

function startWorker(): Worker {
  return new Worker(new URL('./estimate.worker.ts', import.meta.url), { type: 'module' });
}

/** Stop the running estimate (the user pressed cancel): its promise rejects with EstimateCancelled. */
export function cancelEstimate(): boolean {
  if (!running) return false;
  running.reject(new EstimateCancelled());
  running = null;
  worker?.terminate();
  worker = null;
  return true;
}

/** Estimate in the worker; rejects with EstimateCancelled when a newer call overtakes it. */
export function estimateInWorker(request: WorkbenchRequest, onProgress: OnProgress = () => {}): Promise<WorkbenchResult> {
  return inWorker<WorkbenchResult>('estimate', request, onProgress);
}

/** Every estimator and inference on the same choices (the robustness table), in the worker. */
export function robustnessInWorker(request: WorkbenchRequest, onProgress: OnProgress = () => {}): Promise<RobustnessResult> {
  return inWorker<RobustnessResult>('robustness', request, onProgress);
}

function inWorker<T>(task: WorkerTask, request: WorkbenchRequest, onProgress: OnProgress): Promise<T> {
  if (running) {
    running.reject(new EstimateCancelled());
    worker?.terminate();
    worker = null;
  }
  const id = ++seq;
  const w = (worker ??= startWorker());
  return new Promise<T>((resolve, reject) => {
    running = { id, reject };
    const finish = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      if (running?.id === id) running = null;
    };
    const onMessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'progress') onProgress(m.step, m.total ? m.done / m.total : 0);
      else {
        finish();
        if (m.type === 'result') resolve(m.result as T);
        else reject(new EstimateFailed(m.error));
      }
    };
    const onError = (e: ErrorEvent) => {
      finish();
      worker?.terminate();
      worker = null;
      reject(new EstimateFailed({ code: 'internal', message: e.message || 'worker failed' }));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    // $state proxies cannot be cloned: send a plain snapshot.
    w.postMessage({ id, task, request: JSON.parse(JSON.stringify(request)) as WorkbenchRequest });
  });
}
