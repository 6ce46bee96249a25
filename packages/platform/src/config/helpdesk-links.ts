import type { WorkerConfig } from './env-schema.js';

/**
 * What ticket links need of the config: the default tenant, and its Zendesk subdomain, which the Zendesk plugin's
 * schema declares and validates (zendesk-app `src/config.ts`). Named here as a field, not imported: Slack and Jira
 * link to tickets without depending on the Zendesk plugin.
 */
export type HelpdeskLinkConfig = Pick<WorkerConfig, 'DEFAULT_TENANT'> & { ZENDESK_SUBDOMAIN?: string };

/**
 * Links to a tenant's Zendesk tickets (for Slack messages and Jira comments): the tenant's setting `zendeskSubdomain`,
 * or ZENDESK_SUBDOMAIN for the default tenant. Null when the address is not known, or for a non-numeric case id.
 *
 * @example ticketUrlFor(config, 'demo', settings)('1234') // 'https://acme.zendesk.com/agent/tickets/1234'
 */
export function ticketUrlFor(
  config: HelpdeskLinkConfig,
  tenantId: string,
  settings: Record<string, unknown> | null,
): (caseId: string) => string | null {
  const own = typeof settings?.zendeskSubdomain === 'string' ? settings.zendeskSubdomain : null;
  const sub = own ?? (tenantId === config.DEFAULT_TENANT ? (config.ZENDESK_SUBDOMAIN ?? null) : null);
  return (caseId) =>
    sub && /^\d+$/.test(caseId) ? `https://${sub}.zendesk.com/agent/tickets/${caseId}` : null;
}
