/**
 * The page's side of the upload worker: one worker per dropped file (terminated when the next file
 * comes or the table is registered, which frees everything it held).
 */
import { UploadError } from './read';
import type { UploadReply, UploadRequest } from './protocol';

type Reply<K extends UploadReply['kind']> = Extract<UploadReply, { kind: K }>;
type Omit2<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class UploadSession {
  private worker = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
  private next = 0;

  private ask<K extends UploadReply['kind']>(req: Omit2<UploadRequest, 'id'>, kind: K, onProgress?: (f: number) => void): Promise<Reply<K>> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      const onMessage = (e: MessageEvent<UploadReply>) => {
        const m = e.data;
        if (m.id !== id) return;
        if (m.kind === 'progress') return onProgress?.(m.fraction);
        this.worker.removeEventListener('message', onMessage);
        if (m.kind === 'error') reject(new UploadError(m.code, m.message, m.detail));
        else if (m.kind === kind) resolve(m as Reply<K>);
      };
      this.worker.addEventListener('message', onMessage);
      // A worker that dies (out of memory) is reported, not waited for forever.
      this.worker.addEventListener('error', (e) => reject(new UploadError('memory', e.message || 'worker stopped')), { once: true });
      this.worker.postMessage({ ...req, id } as UploadRequest);
    });
  }

  read(file: File, onProgress?: (f: number) => void) {
    return this.ask({ kind: 'read', file }, 'read', onProgress);
  }
  distinct(region: string, type: string | null) {
    return this.ask({ kind: 'distinct', region, type }, 'distinct');
  }
  build(region: string | null, type: string | null, codes: Extract<UploadRequest, { kind: 'build' }>['codes']) {
    return this.ask({ kind: 'build', region, type, codes }, 'build');
  }
  close() {
    this.worker.terminate();
  }
}
