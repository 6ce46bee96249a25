import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real, outside data the tests and demos read (ticket datasets, Zendesk/Slack/Jira payloads).
 * It lives next to the checkout in `../shared/data`; `SUPPORT_METRICS_SHARED_DATA` points elsewhere
 * (e.g. for a clone in /tmp). Tests fail rather than skip when it is missing.
 */
function locate(): string {
  const given = process.env.SUPPORT_METRICS_SHARED_DATA;
  if (given) {
    if (existsSync(`${given.replace(/\/?$/, '/')}tickets_datasets`)) return given.replace(/\/?$/, '/');
    throw new Error(`SUPPORT_METRICS_SHARED_DATA=${given} holds no shared data (no tickets_datasets in it)`);
  }
  const checkout = fileURLToPath(new URL('../../../../', import.meta.url));
  const candidates: string[] = [];
  // shared/data beside a folder, or beside one of its parent folders.
  const besideOrAbove = (start: string) => {
    for (let dir = start; ; ) {
      candidates.push(`${dir.replace(/\/?$/, '/')}../shared/data/`);
      const up = dirname(dir.replace(/\/$/, ''));
      if (up === dir.replace(/\/$/, '') || up === '/') break;
      dir = up;
    }
  };
  besideOrAbove(checkout);
  // A clone of a local repository (git clone /work/main /tmp/x): beside the repository it was cloned from.
  const origin = originOf(checkout);
  if (origin) besideOrAbove(origin);
  for (const c of candidates) if (existsSync(`${c}tickets_datasets`)) return c;
  throw new Error(
    `shared data not found: no ../shared/data beside the checkout, its parent folders${origin ? ' or its origin' : ''}, and SUPPORT_METRICS_SHARED_DATA is not set (set it to the shared data folder)`,
  );
}

/** The local folder a checkout was cloned from (its `origin` remote), when that is one. */
function originOf(checkout: string): string | null {
  try {
    const config = readFileSync(`${checkout}.git/config`, 'utf8');
    const url = /\[remote "origin"\][^[]*?\burl\s*=\s*(.+)/.exec(config)?.[1]?.trim();
    const path = url?.startsWith('file://') ? fileURLToPath(url) : url;
    return path?.startsWith('/') && existsSync(path) ? path : null;
  } catch {
    return null;
  }
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
