// @ts-check
// Many legacy sessions opened and closed over HTTP with a bounded number of requests at a time:
// what the memory suite does to a server between two looks at its heap.
import { closeSession, openSession } from '../http/legacy-session.js';

/** Requests in flight while opening or closing sessions. */
const CONCURRENCY = 16;

/**
 * @param {import('node:http').Agent} agent
 * @param {URL} url
 * @param {number} count
 * @returns {Promise<import('../http/legacy-session.js').LegacySession[]>}
 */
export async function openSessions(agent, url, count) {
  /** @type {import('../http/legacy-session.js').LegacySession[]} */
  const sessions = [];
  await inParallel(count, async () => void sessions.push(await openSession(agent, url)));
  return sessions;
}

/**
 * @param {import('node:http').Agent} agent
 * @param {URL} url
 * @param {readonly import('../http/legacy-session.js').LegacySession[]} sessions
 */
export async function closeSessions(agent, url, sessions) {
  let next = 0;
  await inParallel(sessions.length, async () => {
    const session = /** @type {import('../http/legacy-session.js').LegacySession} */ (
      sessions[next++]
    );
    await closeSession(agent, url, session);
  });
}

/**
 * Runs `task` `count` times, at most CONCURRENCY at once.
 * @param {number} count
 * @param {() => Promise<void>} task
 */
async function inParallel(count, task) {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, worker));
}
