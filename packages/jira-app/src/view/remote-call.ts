import type { z } from 'zod';
import { RemoteErrorSchema } from './remote-contract.js';

/** invokeRemote's shape (@forge/bridge): the worker's status and JSON body. Tests pass their own. */
export type Invoke = (input: {
  path: string;
  method: 'GET' | 'POST';
}) => Promise<{ status: number; body?: Record<string, unknown> }>;

/** What a view shows: the data, an empty state, or an error — each of the last two saying what to do. */
export type Loaded<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'empty'; title: string; message: string }
  | { kind: 'error'; title: string; message: string };

/**
 * Calls the worker through Forge Remote and turns every outcome into something a view can show: the parsed data, an
 * empty state (nothing linked yet), or an error that says whose move it is (site not connected, app not configured,
 * worker unreachable).
 *
 * @example await loadFromWorker(invokeRemote, '/forge/jira/impact/FCX-1', IssueImpactSchema)
 */
export async function loadFromWorker<S extends z.ZodType>(
  invoke: Invoke,
  path: string,
  schema: S,
): Promise<Loaded<z.infer<S>>> {
  let res: Awaited<ReturnType<Invoke>>;
  try {
    res = await invoke({ path, method: 'GET' });
  } catch {
    return unreachable;
  }
  if (res.status >= 200 && res.status < 300) {
    const parsed = schema.safeParse(res.body);
    return parsed.success ? { kind: 'ok', data: parsed.data } : unreachable;
  }
  const said = RemoteErrorSchema.safeParse(res.body);
  const message = said.success ? said.data.message : `status ${res.status}`;
  if (res.status === 404)
    return { kind: 'empty', title: 'No support cases linked yet', message: capitalise(message) };
  if (res.status === 401)
    return {
      kind: 'error',
      title: 'This Jira site is not connected to Support Metrics',
      message: `Ask whoever runs Support Metrics to connect it: set the tenant's jiraCloudId to this site's cloud id (tenant.ts set <tenant> jiraCloudId=<cloud id>), then reload. The worker said: ${message}.`,
    };
  if (res.status === 503)
    return {
      kind: 'error',
      title: 'Support Metrics is not set up for Jira yet',
      message: `Set FORGE_APP_ID on the worker to this app's id (manifest.yml app.id) and deploy it, then reload. The worker said: ${message}.`,
    };
  if (res.status === 403)
    return { kind: 'error', title: 'Not available here', message: `${capitalise(message)}.` };
  return {
    kind: 'error',
    title: `Support Metrics answered ${res.status}`,
    message: `${capitalise(message)}. Reload to try again; if it persists, tell whoever runs Support Metrics.`,
  };
}

const unreachable = {
  kind: 'error',
  title: 'Could not reach Support Metrics',
  message:
    "Reload to try again. If it persists, check that the worker is deployed at the address in the app's manifest (remotes → baseUrl) and redeploy the app.",
} as const;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
