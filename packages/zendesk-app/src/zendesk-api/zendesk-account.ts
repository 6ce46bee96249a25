import { apiError, type TicketNotesFor, tenantAccount, type WorkerConfig } from '@support-metrics/platform';
import { z } from 'zod';
import { ZENDESK_SECRETS } from '../config.js';
import { createZendeskApi, type ZendeskApi, ZendeskApiError } from './zendesk-api.js';
import { ZendeskSubdomainSchema } from './zendesk-subdomain.js';

/**
 * A tenant's own Zendesk account (tenant setting `zendeskApi`, set with `tenant.ts set <tenant> zendeskApi=@file`):
 * what lets the worker fetch the tickets and organisations it has not seen and write back to that tenant's Zendesk.
 */
export const ZendeskCredentialsSchema = z.strictObject({
  /** `acme` for acme.zendesk.com. */
  subdomain: ZendeskSubdomainSchema,
  email: z.email(),
  token: z.string().min(1),
});
export type ZendeskCredentials = z.infer<typeof ZendeskCredentialsSchema>;

/**
 * The Zendesk account a tenant's events may use (tenantAccount): its own (setting `zendeskApi`), else — for the
 * default tenant only — the worker's secrets (ZENDESK_SUBDOMAIN, ZENDESK_EMAIL, ZENDESK_API_TOKEN); null when it has
 * none, so that no event can pull another account's tickets into a tenant's store.
 *
 * @example const creds = zendeskCredentialsOf(config, 'acme', settings);
 */
export function zendeskCredentialsOf(
  config: WorkerConfig,
  tenantId: string,
  settings: Record<string, unknown>,
): ZendeskCredentials | null {
  return tenantAccount(ZendeskCredentialsSchema, settings.zendeskApi, config, tenantId, () => {
    const { ZENDESK_SUBDOMAIN: subdomain, ZENDESK_EMAIL: email, ZENDESK_API_TOKEN: token } = config;
    return subdomain && email && token ? { subdomain, email, token } : null;
  });
}

/** What to set to have a ticket or organisation fetched, when a tenant has no Zendesk account. */
export function zendeskApiMissing(config: WorkerConfig, tenantId: string): string {
  return tenantId === config.DEFAULT_TENANT
    ? `set ${ZENDESK_SECRETS.api.join(', ')} so it can be fetched, or run a backfill`
    : `set the tenant setting zendeskApi (tenant.ts set ${tenantId} zendeskApi=@zendesk.json: subdomain, email, token) so it can be fetched, or run a backfill`;
}

/** The Zendesk API of an account, as the worker uses it (two retries, at most 5 s of waiting on a 429). */
export const zendeskApiOf = (credentials: ZendeskCredentials): ZendeskApi =>
  createZendeskApi({ ...credentials, retries: 2, maxWaitMs: 5_000 });

/** The Zendesk API of a tenant's account (zendeskCredentialsOf), or null when it has none. */
export function zendeskApiFor(
  config: WorkerConfig,
  tenantId: string,
  settings: Record<string, unknown>,
  apiOf: (credentials: ZendeskCredentials) => ZendeskApi = zendeskApiOf,
): ZendeskApi | null {
  const credentials = zendeskCredentialsOf(config, tenantId, settings);
  return credentials ? apiOf(credentials) : null;
}

/**
 * Internal notes on a tenant's tickets (swarm summaries, Jira fix notes), written on the tenant's own Zendesk account
 * (zendeskCredentialsOf); none for a tenant that has no account.
 *
 * @example slackRoutes({ ticketNotes: zendeskTicketNotes() })
 */
export function zendeskTicketNotes(
  apiOf: (credentials: ZendeskCredentials) => ZendeskApi = zendeskApiOf,
): TicketNotesFor {
  return (config, tenantId, settings) => {
    const zendesk = zendeskApiFor(config, tenantId, settings, apiOf);
    if (!zendesk) return null;
    return {
      addInternalNote: (ticketId, body) =>
        zendesk.updateTicket(ticketId, { ticket: { comment: { body, public: false } } }),
    };
  };
}

/**
 * A Zendesk call that failed while applying an event (unreachable, a 5xx or 429 after the retries, our credentials
 * refused) as `503 upstream_unavailable` with Retry-After: nothing was applied, and Zendesk delivers the event again.
 * A 503 is the one 5xx the webhook routes answer (issue 18), always with the reason. The answer says what failed and
 * how, never the request or the account.
 *
 * @example const org = await api.organization(id).catch(zendeskFailed(`organization ${id}`));
 */
/** 503 upstream_unavailable, Retry-After 60 s: Zendesk (the account we call) failed us; the sender should retry. */
export function upstreamUnavailable(message: string) {
  return apiError(503, 'upstream_unavailable', message, undefined, { 'retry-after': '60' });
}

export const zendeskFailed =
  (what: string) =>
  (e: unknown): never => {
    const how = e instanceof ZendeskApiError ? `answered ${e.status}` : 'could not be reached';
    throw upstreamUnavailable(`Zendesk ${how} for ${what}; nothing was applied, deliver it again`);
  };
