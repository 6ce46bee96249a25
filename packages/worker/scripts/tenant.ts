/**
 * Tenants of a Support Metrics install (the local D1, or the deployed one with --remote):
 *   npx tsx packages/worker/scripts/tenant.ts add <tenant> [--remote]        creates it and prints a new API token
 *   npx tsx packages/worker/scripts/tenant.ts set <tenant> key=value [--remote]  sets a setting, e.g.
 *        zendeskWriteBack=true          tag + internal note on incomplete new tickets (needs a Zendesk account)
 *        zendeskApi=@zendesk.json       this tenant's own Zendesk account: {"subdomain","email","token"} (the worker's
 *                                       ZENDESK_* secrets serve the default tenant only)
 *        zendeskWebhookSecret=<secret>  this tenant's own webhook signing secret (multi-tenant installs)
 *        rubric=@my-rubric.json         this tenant's completeness rubric (JSON, RubricSchema; a file with @)
 *        closurePolicy=@policy.json     this tenant's closed-record policy (JSON, ClosurePolicySchema)
 *        customerMapping=@mapping.json  which organisation tags/fields hold onboarding, adoption, … (CustomerMappingSchema)
 *        jiraApi=@jira.json             this tenant's own Jira site: {"baseUrl","email","apiToken"} (the JIRA_* secrets
 *                                       serve the default tenant only)
 *        jiraWebhookSecret=…, jiraTicketField=customfield_10100, zendeskSubdomain=acme, jiraBaseUrl=https://…
 * A token is printed once and stored only as its SHA-256.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ClosurePolicySchema, CustomerMappingSchema, RubricSchema } from '@support-metrics/core';
import { JiraCredentialsSchema } from '@support-metrics/jira-bridge';
import { ZendeskCredentialsSchema } from '@support-metrics/zendesk-app';

const [command, tenant, ...rest] = process.argv.slice(2).filter((a) => a !== '--remote');
const remote = process.argv.includes('--remote');
const usage = () => {
  console.error('usage: tenant.ts add <tenant> [--remote] | tenant.ts set <tenant> key=value [--remote]');
  process.exit(2);
};
if (!tenant || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(tenant)) usage();
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const now = new Date().toISOString();

function d1(sql: string): void {
  execFileSync(
    fileURLToPath(new URL('../node_modules/.bin/wrangler', import.meta.url)),
    [
      'd1',
      'execute',
      'DB',
      remote ? '--remote' : '--local',
      '--command',
      sql,
      ...(remote ? ['--config', 'wrangler.deploy.jsonc'] : []),
    ],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    },
  );
}

if (command === 'add') {
  const token = `sm_${randomBytes(24).toString('base64url')}`;
  const hash = createHash('sha256').update(token).digest('hex');
  d1(
    `INSERT INTO tenants (id, name, settings, created_at) VALUES (${quote(tenant as string)}, ${quote(tenant as string)}, '{}', '${now}') ON CONFLICT (id) DO NOTHING; ` +
      `INSERT INTO api_tokens (token_hash, tenant_id, label, created_at) VALUES ('${hash}', ${quote(tenant as string)}, 'created by tenant.ts', '${now}');`,
  );
  console.log(`Tenant ${tenant} is ready. Its API token (shown once, keep it safe):\n\n  ${token}\n`);
} else if (command === 'set') {
  const [key, ...value] = (rest[0] ?? '').split('=');
  if (!key || value.length === 0) usage();
  const given = value.join('=');
  const raw = given.startsWith('@') ? readFileSync(given.slice(1), 'utf8') : given;
  let json = raw === 'true' || raw === 'false' || /^-?\d+(\.\d+)?$/.test(raw) ? raw : JSON.stringify(raw);
  if (/^\s*[[{]/.test(raw)) {
    // A JSON value; a rubric, policy, customer mapping or Zendesk account is checked against its schema first.
    const parsed = JSON.parse(raw);
    const schemas = {
      rubric: RubricSchema,
      closurePolicy: ClosurePolicySchema,
      customerMapping: CustomerMappingSchema,
      zendeskApi: ZendeskCredentialsSchema,
      jiraApi: JiraCredentialsSchema,
    };
    const schema = schemas[key as keyof typeof schemas] ?? null;
    const checked = schema?.safeParse(parsed);
    if (checked && !checked.success) {
      // Paths and messages only: a value (a token) is never echoed.
      console.error(
        `${key} does not match its schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
      process.exit(2);
    }
    json = JSON.stringify(parsed);
  }
  d1(
    `UPDATE tenants SET settings = json_set(settings, ${quote(`$.${key}`)}, json(${quote(json)})) WHERE id = ${quote(tenant as string)};`,
  );
  console.log(`Tenant ${tenant}: ${key} set (the worker picks it up within 30 s).`);
} else usage();
