/**
 * `pnpm run deploy:cloudflare [-- --dry-run]`: the real deployment to Cloudflare.
 *  1. checks you are logged in (`wrangler login` first);
 *  2. creates the D1 database `support-metrics` unless it exists, and writes its id into wrangler.deploy.jsonc;
 *  3. applies the migrations to it (`wrangler d1 migrations apply --remote`);
 *  4. lists the secrets still to set (`wrangler secret put NAME`) — plugins without theirs stay off;
 *  5. deploys (`wrangler deploy`) and tells how to create a tenant and its API token.
 * With --dry-run it prints the commands instead of running them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('..', import.meta.url));
const wrangler = fileURLToPath(new URL('../node_modules/.bin/wrangler', import.meta.url));
const dry = process.argv.includes('--dry-run');
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
const CONFIG = 'wrangler.deploy.jsonc';
/** The secrets to check for, and what each turns on (Slack: SLACK_BOT_TOKEN, or the three OAuth ones instead). */
const SECRETS: [name: string, use: string][] = [
  [
    'SETTINGS_SECRET',
    "seals tenants' own credentials in D1; `tenant.ts set … --remote` needs the same in its environment",
  ],
  ['ZENDESK_WEBHOOK_SECRET', 'Zendesk webhooks'],
  ['ZENDESK_SUBDOMAIN', 'the Zendesk API: fetching unseen tickets, write-back, backfill'],
  ['ZENDESK_EMAIL', 'the Zendesk API'],
  ['ZENDESK_API_TOKEN', 'the Zendesk API'],
  ['SLACK_SIGNING_SECRET', 'Slack'],
  [
    'SLACK_BOT_TOKEN',
    'Slack, one workspace (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET for OAuth)',
  ],
  ['JIRA_WEBHOOK_SECRET', 'Jira webhooks'],
  ['JIRA_BASE_URL', 'writing impact back to Jira'],
  ['JIRA_EMAIL', 'writing impact back to Jira'],
  ['JIRA_API_TOKEN', 'writing impact back to Jira'],
];

function wr(args: string[], { capture = false } = {}): string {
  if (dry) {
    console.log(`$ wrangler ${args.join(' ')}`);
    return '[]';
  }
  return (
    execFileSync(wrangler, args, {
      cwd: dir,
      env,
      encoding: 'utf8',
      stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    }) ?? ''
  );
}

try {
  wr(['whoami'], { capture: true });
} catch {
  console.error(
    'Not logged in to Cloudflare: run `npx wrangler login` (or set CLOUDFLARE_API_TOKEN) and try again.',
  );
  process.exit(1);
}
const list = () =>
  JSON.parse(wr(['d1', 'list', '--json'], { capture: true }) || '[]') as { name: string; uuid: string }[];
let db = list().find((d) => d.name === 'support-metrics');
if (!db) {
  wr(['d1', 'create', 'support-metrics']);
  db = list().find((d) => d.name === 'support-metrics') ?? {
    name: 'support-metrics',
    uuid: '<id printed by d1 create>',
  };
}
writeFileSync(
  `${dir}${CONFIG}`,
  readFileSync(`${dir}wrangler.jsonc`, 'utf8').replace('00000000-0000-0000-0000-000000000000', db.uuid),
);
console.log(`D1 database support-metrics: ${db.uuid} (written to packages/worker/${CONFIG})`);
wr(['d1', 'migrations', 'apply', 'DB', '--remote', '--config', CONFIG]);
const set = dry
  ? []
  : (
      JSON.parse(
        wr(['secret', 'list', '--format', 'json', '--config', CONFIG], { capture: true }) || '[]',
      ) as { name: string }[]
    ).map((s) => s.name);
const oauth = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'].every((s) => set.includes(s));
const missing = SECRETS.filter(([s]) => !set.includes(s) && !(s === 'SLACK_BOT_TOKEN' && oauth));
if (missing.length > 0) {
  console.log('\nSecrets not set yet (what needs them stays off until they are):');
  for (const [s, use] of missing)
    console.log(`  npx wrangler secret put ${s} --config packages/worker/${CONFIG}   # ${use}`);
}
wr(['deploy', '--config', CONFIG]);
console.log(`
Next: create a tenant and its API token (printed once, stored hashed):
  npx tsx packages/worker/scripts/tenant.ts add default --remote
Then point Zendesk's webhook at https://<your worker>/zendesk/webhooks (docs/zendesk.md).`);
