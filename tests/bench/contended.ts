/**
 * A CPU-bound competitor for the "under load" measurement: a Node child process that spins on one
 * core (a tight loop of floating-point work, no I/O) until stopped. The bench starts it, measures
 * the same cross-filter script again, stops it, and reports how much CPU it actually took (the
 * machine has two cores; the share shows that it really occupied one of them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The child: spins forever; the bench kills it by pid. */
const SPIN = `let x = 0; for (;;) { for (let i = 0; i < 1e7; i++) x = Math.sqrt(x + i); if (x < 0) console.log(x); }`;

export interface Spinner {
  pid: number;
  /** Stop the child; returns the CPU it used as a share of one core over its lifetime (0–1). */
  stop(): number;
}

/** CPU time (user + system) of a process in seconds, from /proc (Linux). */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 14 and 15 of stat (utime, stime) are at index 11 and 12 after the command name
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

export function startSpinner(): Spinner {
  const child: ChildProcess = spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' });
  if (!child.pid) throw new Error('could not start the CPU spinner');
  const pid = child.pid;
  const t0 = performance.now();
  return {
    pid,
    stop() {
      const cpu = cpuSeconds(pid);
      const wall = (performance.now() - t0) / 1000;
      child.kill('SIGKILL');
      return cpu === null || wall <= 0 ? NaN : Math.min(1, cpu / wall);
    }
  };
}

/** Run `work` while a spinner occupies one core; always stops the spinner. */
export async function withSpinner<T>(work: () => Promise<T>): Promise<{ result: T; spinnerCpuShare: number }> {
  const s = startSpinner();
  process.once('exit', () => {
    try {
      process.kill(s.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  });
  await new Promise((r) => setTimeout(r, 500)); // let it get going
  try {
    const result = await work();
    return { result, spinnerCpuShare: s.stop() };
  } catch (e) {
    s.stop();
    throw e;
  }
}
