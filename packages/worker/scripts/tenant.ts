/**
 * Tenants of a Support Metrics install (the local D1, or the deployed one with --remote):
 *   npx tsx packages/worker/scripts/tenant.ts add <tenant> [--remote]        creates it and prints a new API token
 *   npx tsx packages/worker/scripts/tenant.ts set <tenant> key=value [--remote]  sets a setting, e.g.
 *        zendeskWriteBack=true          tag + internal note on incomplete new tickets (needs a Zendesk account)
 *        zendeskApi=@zendesk.json       this tenant's own Zendesk account: {"subdomain","email","token"} (the worker's
 *                                       ZENDESK_* secrets serve the default tenant only)
 *        zendeskWebhookSecret=-         this tenant's own webhook signing secret, from stdin (multi-tenant installs)
 *        rubric=@my-rubric.json         this tenant's completeness rubric (JSON, RubricSchema; a file with @)
 *        closurePolicy=@policy.json     this tenant's closed-record policy (JSON, ClosurePolicySchema)
 *        customerMapping=@mapping.json  which organisation tags/fields hold onboarding, adoption, … (CustomerMappingSchema)
 *        jiraApi=@jira.json             this tenant's own Jira site: {"baseUrl","email","apiToken"} (the JIRA_* secrets
 *                                       serve the default tenant only)
 *        jiraWebhookSecret=…, jiraTicketField=customfield_10100, zendeskSubdomain=acme, jiraBaseUrl=https://…
 *   npx tsx packages/worker/scripts/tenant.ts zendesk-secrets <tenant> [--remote]  after the Zendesk app is installed:
 *        fetches the signing secrets of the two webhooks its requirements.json created (through the tenant's zendeskApi
 *        account) and stores them sealed as zendeskWebhookSecret and zendeskTriggerWebhookSecret; generates the key
 *        Zendesk signs the sidebar's requests with, sets it on the installation (its secure setting signing_key) and
 *        stores it sealed as zendeskAppKey, with zendeskSubdomain (the tokens' issuer)
 *   npx tsx packages/worker/scripts/tenant.ts tokens <tenant> [--remote]     lists its API tokens (id, label, created)
 *   npx tsx packages/worker/scripts/tenant.ts revoke <tenant> <id> [--remote] revokes one (the id `tokens` lists): it
 *        fails at the next request
 *   npx tsx packages/worker/scripts/tenant.ts seal <tenant> [--remote]       seals its credentials stored unsealed
 *   npx tsx packages/worker/scripts/tenant.ts reseal [<tenant>] [--remote]  seals again with SETTINGS_SECRET what
 *        SETTINGS_SECRET_PREVIOUS sealed (every tenant's when none is named): the middle step of rotating it
 * Locally, `--persist-to DIR` works on the D1 of `wrangler dev --persist-to DIR` instead of the default one.
 * `key=-` reads the value from stdin and `key=@file` from a file: a secret then is not on the command line or in the
 * shell's history (a text value read so loses its final newline).
 * A token is printed once and stored only as its SHA-256. Credentials (zendeskApi, jiraApi, zendeskWebhookSecret,
 * jiraWebhookSecret) are stored sealed with SETTINGS_SECRET, the worker's (see settingsSecret below).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClosurePolicySchema, CustomerMappingSchema, RubricSchema } from '@support-metrics/core';
import { JiraCredentialsSchema } from '@support-metrics/jira-bridge';
import {
  isSealed,
  isSecretSetting,
  openSetting,
  SECRET_SETTINGS,
  SQL,
  sealSetting,
} from '@support-metrics/platform';
import { ZendeskCredentialsSchema } from '@support-metrics/zendesk-app';
import { installedWebhooks, updateInstallation } from '@support-metrics/zendesk-app/install';
import { workerSecret } from './local-secrets.js';
import { render } from './sql-literal.js';

function usage(): never {
  console.error(
    'usage: tenant.ts add <tenant> | set <tenant> key=value | zendesk-secrets <tenant> | tokens <tenant> | revoke <tenant> <id> | seal <tenant> | reseal [<tenant>], each with [--remote] or [--persist-to DIR]',
  );
  process.exit(2);
}
const argv = process.argv.slice(2);
// --persist-to DIR (or =DIR): a local D1 other than wrangler dev's default (as `wrangler dev --persist-to DIR`).
let persistTo: string | undefined;
const persistAt = argv.findIndex((a) => a === '--persist-to' || a.startsWith('--persist-to='));
if (persistAt >= 0) {
  const [flag = '', next] = argv.splice(persistAt, 2);
  if (flag.includes('=')) {
    persistTo = flag.slice(flag.indexOf('=') + 1);
    if (next !== undefined) argv.splice(persistAt, 0, next);
  } else persistTo = next;
  if (!persistTo || persistTo.startsWith('--')) usage();
}
const remote = argv.includes('--remote');
if (remote && persistTo) usage();
const [command, tenant, ...rest] = argv.filter((a) => a !== '--remote');
if (rest.length > (command === 'set' || command === 'revoke' ? 1 : 0)) usage();
if (tenant === undefined ? command !== 'reseal' : !/^[a-z0-9][a-z0-9-]{0,62}$/.test(tenant)) usage();
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const now = new Date().toISOString();

/**
 * Runs SQL on the tenant's D1; with `json`, returns the rows of its last statement (wrangler's --json). Wrangler
 * appends all it prints, query results included, to a debug log (~/.config/.wrangler/logs): a tenant's settings must
 * not stay there, so each call logs to a directory of its own, removed afterwards. Locally the running worker may
 * hold the database for a moment (SQLITE_BUSY): that is waited out and tried again.
 */
function d1(sql: string, json = false): Record<string, unknown>[] {
  for (let attempt = 1; ; attempt++) {
    const logDir = mkdtempSync(join(tmpdir(), 'sm-tenant-'));
    try {
      const out = execFileSync(
        fileURLToPath(new URL('../node_modules/.bin/wrangler', import.meta.url)),
        [
          'd1',
          'execute',
          'DB',
          remote ? '--remote' : '--local',
          '--command',
          sql,
          ...(json ? ['--json'] : []),
          ...(persistTo && !remote ? ['--persist-to', persistTo] : []),
          ...(remote ? ['--config', 'wrangler.deploy.jsonc'] : []),
        ],
        {
          cwd: fileURLToPath(new URL('..', import.meta.url)),
          stdio: ['ignore', json ? 'pipe' : 'ignore', 'pipe'],
          env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG_PATH: logDir },
          encoding: 'utf8',
        },
      );
      return json
        ? ((JSON.parse(out) as { results: Record<string, unknown>[] }[]).at(-1)?.results ?? [])
        : [];
    } catch (e) {
      // With --json, wrangler writes its errors to stdout.
      const stderr = `${(e as { stdout?: unknown }).stdout ?? ''}${(e as { stderr?: unknown }).stderr ?? ''}`;
      if (!remote && attempt < 6 && /SQLITE_BUSY|database is locked/.test(stderr)) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250 * attempt);
        continue;
      }
      process.stderr.write(stderr);
      throw e;
    } finally {
      rmSync(logDir, { recursive: true, force: true });
    }
  }
}

/**
 * The SETTINGS_SECRET credentials are sealed with: the worker's, or it could not open them. Deployed (--remote), it
 * can only come from the environment. Locally it is the local worker's (.dev.vars, else pnpm start's demo one); one
 * in the environment that differs from it is refused (exported for --remote, say), except with --persist-to, where
 * the worker was started some other way and the environment says which.
 */
function settingsSecret(): string {
  const given = process.env.SETTINGS_SECRET || undefined;
  const local = remote || persistTo ? undefined : workerSecret('SETTINGS_SECRET');
  if (given && local && given !== local) {
    console.error(
      "SETTINGS_SECRET in the environment is not the local worker's (packages/worker/.dev.vars, else the demo one of pnpm start): it could not open what this sealed. Unset it, or add --remote.",
    );
    process.exit(2);
  }
  const secret = given ?? local;
  if (!secret) {
    console.error(
      remote || persistTo
        ? "SETTINGS_SECRET is not set: give the worker's (wrangler secret put SETTINGS_SECRET) in the environment."
        : 'SETTINGS_SECRET is not set: add it to packages/worker/.dev.vars (the local worker needs it too).',
    );
    process.exit(2);
  }
  // HKDF does not stretch a weak secret: a short one could be guessed from a copy of the database.
  if (secret.length < 16) {
    console.error(
      'SETTINGS_SECRET is shorter than 16 characters: use a random one (openssl rand -base64 32).',
    );
    process.exit(2);
  }
  return secret;
}

const setSql = (key: string, json: string, id = tenant as string) =>
  render(SQL.setSetting, [`$.${key}`, json, id]);

if (command === 'add') {
  const exists = d1(`SELECT 1 AS n FROM tenants WHERE id = ${quote(tenant as string)}`, true).length > 0;
  const token = `sm_${randomBytes(24).toString('base64url')}`;
  const hash = createHash('sha256').update(token).digest('hex');
  d1(
    render(SQL.insertTenant, [tenant as string, tenant as string, '{}', now]) +
      render(SQL.insertToken, [hash, tenant as string, 'created by tenant.ts', now]),
  );
  console.log(
    exists
      ? `Tenant ${tenant} exists already: one more API token for it (the earlier ones still work; shown once, keep it safe):\n\n  ${token}\n`
      : `Tenant ${tenant} is ready. Its API token (shown once, keep it safe):\n\n  ${token}\n`,
  );
} else if (command === 'tokens') {
  // A token's id is the start of its SHA-256 (the token itself is never stored): enough to name it, useless to use.
  const rows = d1(
    `SELECT substr(token_hash, 1, 12) AS id, label, created_at FROM api_tokens WHERE tenant_id = ${quote(tenant as string)} ORDER BY created_at`,
    true,
  );
  if (rows.length === 0) console.log(`Tenant ${tenant} has no API token.`);
  for (const r of rows) console.log(`${String(r.id)}  ${String(r.created_at)}  ${String(r.label)}`);
} else if (command === 'revoke') {
  const id = rest[0] ?? '';
  if (!/^[0-9a-f]{8,64}$/.test(id)) {
    console.error('revoke takes the id `tenant.ts tokens` lists (8 to 64 hex digits)');
    process.exit(2);
  }
  const match = `token_hash LIKE ${quote(`${id}%`)} AND tenant_id = ${quote(tenant as string)}`;
  const found = d1(`SELECT count(*) AS n FROM api_tokens WHERE ${match}`, true)[0]?.n;
  if (Number(found) !== 1) {
    console.error(
      Number(found) === 0
        ? `tenant ${tenant} has no token ${id}`
        : `${id} names more than one token: give more of it`,
    );
    process.exit(1);
  }
  d1(render(SQL.deleteTokenByPrefix, [`${id}%`, tenant as string]));
  console.log(`Tenant ${tenant}: token ${id} revoked (it fails from the next request on).`);
} else if (command === 'set') {
  const [key, ...value] = (rest[0] ?? '').split('=');
  if (!key || value.length === 0) usage();
  const given = value.join('=');
  // `key=-` reads the value from stdin and `key=@file` from a file, so that a secret is not on this command line
  // (nor in the shell's history); a text value read so loses its final newline.
  const read =
    given === '-'
      ? readFileSync(0, 'utf8')
      : given.startsWith('@')
        ? readFileSync(given.slice(1), 'utf8')
        : null;
  const raw = read === null ? given : read.replace(/\r?\n$/, '');
  const schemas = {
    rubric: RubricSchema,
    closurePolicy: ClosurePolicySchema,
    customerMapping: CustomerMappingSchema,
    zendeskApi: ZendeskCredentialsSchema,
    jiraApi: JiraCredentialsSchema,
  };
  const schema = schemas[key as keyof typeof schemas] ?? null;
  let json: string;
  if (key.endsWith('WebhookSecret'))
    json = JSON.stringify(raw); // a signing secret is text, whatever it looks like
  else if (schema || /^\s*[[{]/.test(raw)) {
    // A JSON value; a rubric, policy, customer mapping or account is checked against its schema first.
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      // Not the parser's message: it quotes the text, which may hold a token.
      console.error(`${key} is not valid JSON${schema ? ' (it takes a JSON object; a file with @)' : ''}`);
      process.exit(2);
    }
    const checked = schema?.safeParse(parsed);
    if (checked && !checked.success) {
      // Paths and messages only: a value (a token) is never echoed.
      console.error(
        `${key} does not match its schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
      process.exit(2);
    }
    json = JSON.stringify(parsed);
  } else json = raw === 'true' || raw === 'false' || /^-?\d+(\.\d+)?$/.test(raw) ? raw : JSON.stringify(raw);
  // A credential is stored sealed (bound to this tenant and key): the command line wrangler runs never holds it clear.
  if (isSecretSetting(key))
    json = JSON.stringify(await sealSetting(settingsSecret(), tenant as string, key, JSON.parse(json)));
  // A rubric is also kept as the tenant's next version (GET /api/rubric lists them), in the same call.
  const version =
    key === 'rubric'
      ? ` ${render(SQL.insertRubricVersion, [tenant as string, json, new Date().toISOString(), 'tenant.ts', tenant as string])}`
      : '';
  d1(setSql(key, json) + version);
  console.log(
    `Tenant ${tenant}: ${key} set${isSecretSetting(key) ? ', sealed' : ''} (the worker picks it up within 30 s).`,
  );
} else if (command === 'zendesk-secrets') {
  // The install created two webhooks (requirements.json); Zendesk generated a signing secret for each, which only its
  // API reveals: fetched with the tenant's own account and stored sealed, never printed.
  const row = d1(`SELECT settings FROM tenants WHERE id = ${quote(tenant as string)}`, true)[0];
  if (!row) {
    console.error(`no tenant ${tenant}`);
    process.exit(1);
  }
  const stored = (JSON.parse(String(row.settings)) as Record<string, unknown>).zendeskApi;
  const secret = settingsSecret();
  const opened = isSealed(stored)
    ? (await openSetting(stored, tenant as string, 'zendeskApi', [secret]).catch(() => null))?.value
    : stored;
  const account = ZendeskCredentialsSchema.safeParse(opened);
  if (!account.success) {
    console.error(
      `tenant ${tenant} has no Zendesk account to ask: tenant.ts set ${tenant} zendeskApi=@zendesk.json (subdomain, email, token) first`,
    );
    process.exit(2);
  }
  let found: Awaited<ReturnType<typeof installedWebhooks>>;
  try {
    found = await installedWebhooks(account.data);
  } catch (e) {
    console.error(`${(e as Error).name}: ${(e as Error).message}`);
    process.exit(1);
  }
  // The sidebar's signing key: new each time (running this again rotates it), set on the installation first, so the
  // worker never holds a key Zendesk does not sign with.
  const appKey = randomBytes(32).toString('base64url');
  try {
    await updateInstallation(account.data, found.installationId, { signing_key: appKey });
  } catch (e) {
    console.error(`${(e as Error).name}: ${(e as Error).message}`);
    process.exit(1);
  }
  const seal = async (key: string, value: string) =>
    setSql(key, JSON.stringify(await sealSetting(secret, tenant as string, key, value)));
  d1(
    (await seal('zendeskWebhookSecret', found.events.secret)) +
      (await seal('zendeskTriggerWebhookSecret', found.trigger.secret)) +
      (await seal('zendeskAppKey', appKey)) +
      setSql('zendeskSubdomain', JSON.stringify(account.data.subdomain)),
  );
  console.log(
    `Tenant ${tenant}: the signing secrets of webhooks ${found.events.id} (events) and ${found.trigger.id} (closed-record trigger) stored, sealed; the sidebar's signing key set on installation ${found.installationId} and stored, sealed (the worker picks them up within 30 s).`,
  );
} else if (command === 'seal' || command === 'reseal') {
  // seal: a tenant's credentials stored in the clear (set before sealing existed). reseal, the middle step of a
  // rotation (the worker opens with SETTINGS_SECRET, the new one, and SETTINGS_SECRET_PREVIOUS): every tenant's (or
  // one's) credentials still sealed with the previous one, and any in the clear. One UPDATE per tenant.
  const previous =
    command === 'seal'
      ? undefined
      : process.env.SETTINGS_SECRET_PREVIOUS ||
        (remote || persistTo ? undefined : workerSecret('SETTINGS_SECRET_PREVIOUS'));
  if (command === 'reseal' && !previous) {
    console.error(
      'SETTINGS_SECRET_PREVIOUS is not set: give the secret being replaced (the worker needs it too while this runs).',
    );
    process.exit(2);
  }
  const rows = d1(
    `SELECT id, settings FROM tenants${tenant ? ` WHERE id = ${quote(tenant)}` : ''} ORDER BY id`,
    true,
  );
  if (tenant && rows.length === 0) {
    console.error(`no tenant ${tenant}`);
    process.exit(1);
  }
  const sealed: string[] = [];
  const failed: string[] = [];
  let secret: string | undefined;
  for (const row of rows) {
    const id = String(row.id);
    const settings = JSON.parse(String(row.settings)) as Record<string, unknown>;
    const updates: string[] = [];
    for (const key of SECRET_SETTINGS) {
      const value = settings[key];
      if (value === undefined || value === null || (isSealed(value) && !previous)) continue;
      secret ??= settingsSecret();
      let plain: unknown = value;
      if (isSealed(value)) {
        const opened = await openSetting(value, id, key, [secret, previous as string]).catch(() => null);
        if (!opened) {
          failed.push(`${id}: ${key}`);
          continue;
        }
        if (opened.secret === secret) continue;
        plain = opened.value;
      }
      updates.push(setSql(key, JSON.stringify(await sealSetting(secret, id, key, plain)), id));
      sealed.push(key);
    }
    if (updates.length) d1(updates.join(' '));
  }
  if (command === 'seal')
    console.log(
      sealed.length
        ? `Tenant ${tenant}: sealed ${sealed.join(', ')} (the worker picks it up within 30 s).`
        : `Tenant ${tenant}: no credential stored unsealed.`,
    );
  else {
    console.log(
      `Sealed again with SETTINGS_SECRET: ${sealed.length} credential(s) of ${rows.length} tenant(s).`,
    );
    if (failed.length) {
      console.error(`Opened with neither secret (set them again): ${failed.join(', ')}`);
      process.exit(1);
    }
    console.log('Once the worker has it too, remove SETTINGS_SECRET_PREVIOUS from the worker.');
  }
} else usage();
