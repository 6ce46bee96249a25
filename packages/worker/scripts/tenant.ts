/**
 * `npx tsx packages/worker/scripts/tenant.ts add <tenant> [--remote]`: creates a tenant and a new API token.
 * The token is printed once and stored only as its SHA-256. Without --remote it writes the local D1.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const [command, tenant] = process.argv.slice(2);
const remote = process.argv.includes('--remote');
if (command !== 'add' || !tenant || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(tenant)) {
  console.error('usage: tenant.ts add <tenant id: lower-case letters, digits, dashes> [--remote]');
  process.exit(2);
}
const token = `sm_${randomBytes(24).toString('base64url')}`;
const hash = createHash('sha256').update(token).digest('hex');
const now = new Date().toISOString();
const sql = `INSERT INTO tenants (id, name, settings, created_at) VALUES ('${tenant}', '${tenant}', '{}', '${now}') ON CONFLICT (id) DO NOTHING; INSERT INTO api_tokens (token_hash, tenant_id, label, created_at) VALUES ('${hash}', '${tenant}', 'created by tenant.ts', '${now}');`;
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
console.log(`Tenant ${tenant} is ready. Its API token (shown once, keep it safe):\n\n  ${token}\n`);
