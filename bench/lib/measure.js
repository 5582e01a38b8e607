// @ts-check
// The measuring loops every suite shares: a closed loop of round trips with a fixed number in
// flight (rate, latency percentiles, CPU per operation), and CPU time read for another process.
import { readFileSync } from 'node:fs';
import { quantile } from './stats.js';

/**
 * @typedef {object} RoundTripFigures
 * @property {number} rate        completed operations per second of wall-clock time
 * @property {number} p50Us       median latency of one operation, µs
 * @property {number} p99Us       99th-percentile latency, µs
 * @property {number} cpuUsPerOp  CPU time per operation, µs (this process, plus `otherPid` if given)
 * @property {number} ops         operations measured
 */

/**
 * Runs `operation` in a closed loop with `inFlight` concurrent callers: a warm-up for
 * `warmupMs`, then measured for `durationMs`. `operation` must check its own answer and throw on a
 * wrong one; a throw fails the whole measurement, so a fast wrong answer never counts.
 * @param {() => Promise<void>} operation
 * @param {{ inFlight: number, durationMs: number, warmupMs: number, otherPid?: number }} options
 * @returns {Promise<RoundTripFigures>}
 */
export async function measureRoundTrips(operation, options) {
  await closedLoop(operation, options.inFlight, options.warmupMs, undefined);
  /** @type {number[]} */
  const latencies = [];
  const cpuBefore = process.cpuUsage();
  const otherBefore = options.otherPid === undefined ? 0 : processCpuUs(options.otherPid);
  const started = process.hrtime.bigint();
  const ops = await closedLoop(operation, options.inFlight, options.durationMs, latencies);
  const elapsedUs = Number(process.hrtime.bigint() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const otherUs = options.otherPid === undefined ? 0 : processCpuUs(options.otherPid) - otherBefore;
  return {
    rate: ops / (elapsedUs / 1e6),
    p50Us: quantile(latencies, 0.5),
    p99Us: quantile(latencies, 0.99),
    cpuUsPerOp: (cpu.user + cpu.system + otherUs) / ops,
    ops,
  };
}

/**
 * @param {() => Promise<void>} operation
 * @param {number} inFlight
 * @param {number} durationMs
 * @param {number[] | undefined} latencies  filled with one µs figure per operation when given
 * @returns {Promise<number>} operations completed
 */
async function closedLoop(operation, inFlight, durationMs, latencies) {
  const deadline = performance.now() + durationMs;
  let ops = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      await operation();
      if (latencies !== undefined) latencies.push((performance.now() - start) * 1000);
      ops++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return ops;
}

/** Clock ticks per second for /proc/<pid>/stat times (USER_HZ; 100 on Linux everywhere). */
const CLOCK_TICKS = 100;

/**
 * User + system CPU time of another live process, µs, from /proc (10 ms resolution: measure
 * for at least a second). Only children of ours, or processes we can read, are visible.
 * @param {number} pid
 */
export function processCpuUs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing paren are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1e6) / CLOCK_TICKS;
}

/**
 * Fails loudly when a benchmark answer is not the expected one.
 * @param {boolean} condition
 * @param {string} what
 * @returns {asserts condition}
 */
export function check(condition, what) {
  if (!condition) throw new Error(`wrong answer: ${what}`);
}
