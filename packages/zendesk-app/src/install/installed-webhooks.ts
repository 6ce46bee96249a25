/**
 * After the app is installed, what requirements.json made Zendesk create cannot be read by the app itself: the
 * signing secrets of the two webhooks (Zendesk generates one per webhook, and only its API reveals it). This finds
 * the app's installation (`GET /api/v2/apps/installations.json`, by the app's name), the webhooks its requirements
 * created (`GET /api/v2/apps/installations/{id}/requirements.json`, every page), and their signing secrets
 * (`GET /api/v2/webhooks/{id}/signing_secret`), over the tenant's own Zendesk account (API-token auth), with 429s
 * and 5xx waited out. `tenant.ts zendesk-secrets <tenant>` stores them, sealed, as the tenant's webhook secrets.
 * A plain fetch (not node-zendesk, which knows none of these endpoints).
 */
import { z } from 'zod';
import { type FetchLike, type RetryOptions, retryingFetch } from '../zendesk-api/retrying-fetch.js';
import { ZendeskApiError } from '../zendesk-api/zendesk-api.js';

/** The requirement identifiers of the two webhooks in app/requirements.json. */
export const WEBHOOK_REQUIREMENTS = { events: 'sm_events', trigger: 'sm_closed_record' } as const;
/** The app's name, as its installation's `settings.name` carries it. */
export const APP_NAME = 'Support Metrics';

/** The app is not installed in that account, or its requirements are not (all) there. */
export class InstallationError extends Error {
  override name = 'InstallationError';
}

const InstallationsSchema = z.object({
  installations: z.array(
    z.looseObject({ id: z.number(), settings: z.looseObject({ name: z.string().optional() }).optional() }),
  ),
});
const RequirementsPageSchema = z.object({
  requirements: z.array(
    z.looseObject({
      identifier: z.string(),
      requirement_id: z.union([z.string(), z.number()]).transform(String),
      requirement_type: z.string(),
    }),
  ),
  next_page: z.string().nullable().optional(),
});
const SigningSecretSchema = z.object({
  signing_secret: z.object({ secret: z.string().min(1), algorithm: z.string() }),
});

export interface InstalledWebhooks {
  installationId: number;
  /** The webhook subscribed to ticket and organization events: its id and signing secret. */
  events: { id: string; secret: string };
  /** The webhook the closed-record trigger notifies. */
  trigger: { id: string; secret: string };
}

/**
 * Sets settings of the app's installation (`PUT /api/v2/apps/installations/{id}.json`, Zendesk's Update App
 * Installation): how the sidebar's signing key gets into the install without an admin pasting it.
 * @example await updateInstallation(account, found.installationId, { signing_key: key });
 */
export async function updateInstallation(
  o: { subdomain: string; email: string; token: string; fetch?: FetchLike } & RetryOptions,
  installationId: number,
  settings: Record<string, string>,
): Promise<void> {
  const send = retryingFetch(o.fetch ?? ((url, init) => fetch(url, init)), o);
  const path = `/api/v2/apps/installations/${installationId}.json`;
  const res = await send(`https://${o.subdomain}.zendesk.com${path}`, {
    method: 'PUT',
    headers: {
      authorization: `Basic ${btoa(`${o.email}/token:${o.token}`)}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({ settings }),
  });
  if (!res.ok) throw new ZendeskApiError(res.status, `Zendesk answered ${res.status} to PUT ${path}`);
}

/**
 * The app's two webhooks in a Zendesk account, with their signing secrets. Throws InstallationError when the app or
 * one of them is missing, ZendeskApiError when Zendesk refuses (401: the credentials).
 * @example const { events, trigger } = await installedWebhooks({ subdomain: 'acme', email, token });
 */
export async function installedWebhooks(
  o: { subdomain: string; email: string; token: string; fetch?: FetchLike; appName?: string } & RetryOptions,
): Promise<InstalledWebhooks> {
  const base = `https://${o.subdomain}.zendesk.com/api/v2`;
  const send = retryingFetch(o.fetch ?? ((url, init) => fetch(url, init)), o);
  const auth = `Basic ${btoa(`${o.email}/token:${o.token}`)}`;
  const get = async <T>(url: string, schema: z.ZodType<T>): Promise<T> => {
    const res = await send(url, { headers: { authorization: auth, accept: 'application/json' } });
    const path = new URL(url).pathname;
    if (!res.ok) throw new ZendeskApiError(res.status, `Zendesk answered ${res.status} to GET ${path}`);
    const parsed = schema.safeParse(await res.json());
    if (!parsed.success)
      throw new ZendeskApiError(502, `Zendesk's answer to GET ${path} is not what its API documents`);
    return parsed.data;
  };
  const name = o.appName ?? APP_NAME;
  const { installations } = await get(`${base}/apps/installations.json`, InstallationsSchema);
  const installation = installations.find((i) => i.settings?.name === name);
  if (!installation) throw new InstallationError(`${name} is not installed in ${o.subdomain}.zendesk.com`);
  const requirements: z.infer<typeof RequirementsPageSchema>['requirements'] = [];
  let next: string | null | undefined = `${base}/apps/installations/${installation.id}/requirements.json`;
  for (let page = 0; next && page < 100; page++) {
    const body: z.infer<typeof RequirementsPageSchema> = await get(next, RequirementsPageSchema);
    requirements.push(...body.requirements);
    next = body.next_page;
  }
  const webhook = async (identifier: string) => {
    const r = requirements.find((x) => x.requirement_type === 'webhooks' && x.identifier === identifier);
    if (!r)
      throw new InstallationError(
        `the installation of ${name} has no webhook ${identifier}: its requirements were not (all) created — reinstall the app`,
      );
    const { signing_secret } = await get(
      `${base}/webhooks/${encodeURIComponent(r.requirement_id)}/signing_secret`,
      SigningSecretSchema,
    );
    return { id: r.requirement_id, secret: signing_secret.secret };
  };
  return {
    installationId: installation.id,
    events: await webhook(WEBHOOK_REQUIREMENTS.events),
    trigger: await webhook(WEBHOOK_REQUIREMENTS.trigger),
  };
}
