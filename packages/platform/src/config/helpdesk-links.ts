import type { WorkerConfig } from './env-schema.js';

/**
 * Links to a tenant's Zendesk tickets (for Slack messages and Jira comments): the tenant's setting `zendeskSubdomain`,
 * or ZENDESK_SUBDOMAIN for the default tenant. Null when the address is not known, or for a non-numeric case id.
 *
 * @example ticketUrlFor(config, 'demo', settings)('1234') // 'https://acme.zendesk.com/agent/tickets/1234'
 */
export function ticketUrlFor(
  config: WorkerConfig,
  tenantId: string,
  settings: Record<string, unknown> | null,
): (caseId: string) => string | null {
  const own = typeof settings?.zendeskSubdomain === 'string' ? settings.zendeskSubdomain : null;
  const sub = own ?? (tenantId === config.DEFAULT_TENANT ? (config.ZENDESK_SUBDOMAIN ?? null) : null);
  return (caseId) =>
    sub && /^\d+$/.test(caseId) ? `https://${sub}.zendesk.com/agent/tickets/${caseId}` : null;
}
