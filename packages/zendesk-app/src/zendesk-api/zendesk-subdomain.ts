import { z } from 'zod';

/**
 * A Zendesk subdomain: `acme` for acme.zendesk.com — the rule of the worker's ZENDESK_SUBDOMAIN and of a tenant's
 * `zendeskApi` setting alike. The full host or an address (`acme.zendesk.com`, `https://…`) is the usual mistake.
 */
export const ZendeskSubdomainSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/i, 'the subdomain only, as in acme for acme.zendesk.com');
