import { seal, unseal } from '../crypto/sealed.js';

/**
 * The tenant settings that hold credentials: a tenant's own Zendesk and Jira accounts (their API tokens) and its
 * webhook signing secrets. tenant.ts stores them sealed with the worker's SETTINGS_SECRET, so that a copy of the
 * database (an export, a backup, D1's Time Travel) holds no credential anyone can use; the worker opens them when it
 * reads a tenant's settings (TenantStore.tenantSettings).
 */
export const SECRET_SETTINGS = [
  'zendeskApi',
  'jiraApi',
  'zendeskWebhookSecret',
  // The Zendesk app's install creates two webhooks, each with its own signing secret: this is the trigger's.
  'zendeskTriggerWebhookSecret',
  // The key Zendesk signs the sidebar's requests with (the installation's signing_key): the worker verifies with it.
  'zendeskAppKey',
  'jiraWebhookSecret',
] as const;

const LABEL = 'tenant-settings/v1';
const PREFIX = 'sealed:';

export const isSecretSetting = (key: string): boolean => (SECRET_SETTINGS as readonly string[]).includes(key);

/** Whether a stored setting is sealed (`sealed:v1.…`). */
export const isSealed = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(PREFIX);

/**
 * A setting's value sealed for storage: `sealed:v1.<iv>.<ciphertext>` of its JSON, bound to the tenant and the key
 * (so it opens nowhere else).
 *
 * @example settings.zendeskApi = await sealSetting(SETTINGS_SECRET, 'acme', 'zendeskApi', { subdomain, email, token })
 */
export async function sealSetting(
  secret: string,
  tenantId: string,
  key: string,
  value: unknown,
): Promise<string> {
  return PREFIX + (await seal(secret, LABEL, JSON.stringify(value), `${tenantId}/${key}`));
}

/**
 * Opens one sealed setting (sealSetting) with the first of `secrets` that opens it; which one it was, and the value.
 * Throws when none does.
 */
export async function openSetting(
  sealed: string,
  tenantId: string,
  key: string,
  secrets: string[],
): Promise<{ value: unknown; secret: string }> {
  for (const secret of secrets) {
    try {
      const plain = await unseal(secret, LABEL, sealed.slice(PREFIX.length), `${tenantId}/${key}`);
      return { value: JSON.parse(plain), secret };
    } catch {
      /* not this one */
    }
  }
  throw new Error(`${key} does not open`);
}

/**
 * A tenant's stored settings with the sealed ones opened, with SETTINGS_SECRET or, while it is being rotated,
 * SETTINGS_SECRET_PREVIOUS. A value that cannot be opened (no secret, another one, altered) is left out as if unset,
 * and `problems` says which and why (`shut` repeats those), never the value: that account or webhook is then off and says so, instead of
 * every request failing. A credential stored in the clear (set before sealing existed) still works, and is named in
 * `problems` when a SETTINGS_SECRET could seal it (`tenant.ts seal`); so is one still sealed with the previous secret
 * (`tenant.ts reseal`).
 */
export async function openSettings(
  stored: Record<string, unknown>,
  tenantId: string,
  secret: string | undefined,
  previous?: string,
): Promise<{ settings: Record<string, unknown>; problems: string[]; shut: string[] }> {
  const settings = { ...stored };
  const problems: string[] = [];
  // Of the problems, those of the credentials left out.
  const shut: string[] = [];
  const leftOut = (problem: string) => {
    problems.push(problem);
    shut.push(problem);
  };
  for (const key of SECRET_SETTINGS) {
    const value = stored[key];
    if (value === undefined || value === null) continue;
    if (!isSealed(value)) {
      if (secret) problems.push(`${key}: stored unsealed (tenant.ts seal ${tenantId} seals it)`);
      continue;
    }
    delete settings[key];
    if (!secret) {
      leftOut(`${key}: sealed, and this worker has no SETTINGS_SECRET to open it`);
      continue;
    }
    try {
      const opened = await openSetting(value, tenantId, key, previous ? [secret, previous] : [secret]);
      settings[key] = opened.value;
      if (opened.secret !== secret)
        problems.push(
          `${key}: sealed with SETTINGS_SECRET_PREVIOUS (tenant.ts reseal seals it with the current one)`,
        );
    } catch {
      leftOut(`${key}: sealed with another SETTINGS_SECRET, or altered; set it again`);
    }
  }
  return { settings, problems, shut };
}
