import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real, outside data the tests and demos read (ticket datasets, Zendesk/Slack/Jira payloads).
 * It lives next to the checkout in `../shared/data`; `SUPPORT_METRICS_SHARED_DATA` points elsewhere
 * (e.g. for a clone in /tmp). Tests fail rather than skip when it is missing.
 */
function locate(): string {
  const candidates = [process.env.SUPPORT_METRICS_SHARED_DATA];
  // shared/data beside the checkout, or beside one of its parent folders.
  for (let dir = fileURLToPath(new URL('../../../../', import.meta.url)); ; ) {
    candidates.push(`${dir.replace(/\/?$/, '/')}../shared/data/`);
    const up = dirname(dir.replace(/\/$/, ''));
    if (up === dir.replace(/\/$/, '') || up === '/') break;
    dir = up;
  }
  for (const c of candidates)
    if (c && existsSync(`${c.replace(/\/?$/, '/')}tickets_datasets`)) return c.replace(/\/?$/, '/');
  throw new Error(
    `shared data not found (looked beside the checkout and its parent folders); set SUPPORT_METRICS_SHARED_DATA`,
  );
}

export const SHARED_DATA = locate();

/** Reads a file of the shared data as text. */
export function sharedText(path: string): string {
  return readFileSync(SHARED_DATA + path, 'utf8');
}

/** Reads a JSON file of the shared data. */
export function sharedJson<T = unknown>(path: string): T {
  return JSON.parse(sharedText(path)) as T;
}
