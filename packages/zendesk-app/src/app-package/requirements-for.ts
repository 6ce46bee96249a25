/** The worker every endpoint of app/requirements.json names, replaced by the one the app is built for. */
export const EXAMPLE_WORKER = 'https://support-metrics.example.workers.dev';

/**
 * app/requirements.json for one install: its webhooks' endpoints at the worker (`workerUrl`) and, for a tenant
 * other than the default one, at the tenant's route (`/t/<tenant>/zendesk/webhooks`).
 * @example requirementsFor(source, 'https://sm.acme.workers.dev', 'acme').webhooks.sm_events.endpoint
 */
export function requirementsFor<T>(requirements: T, workerUrl: string, tenant?: string): T {
  const origin = new URL(workerUrl).origin;
  const route = tenant ? `/t/${encodeURIComponent(tenant)}/zendesk/webhooks` : '/zendesk/webhooks';
  return JSON.parse(
    JSON.stringify(requirements).replaceAll(`${EXAMPLE_WORKER}/zendesk/webhooks`, origin + route),
  );
}
