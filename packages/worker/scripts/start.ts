/**
 * `pnpm start`: the embedded default. Applies the local D1 migrations, seeds the demo tenant once (a second
 * start reuses the data), starts `wrangler dev` on 127.0.0.1:$PORT and prints what to try. Ctrl-C stops it.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPreview } from '@support-metrics/zendesk-app/preview';
import { DEMO_SECRETS, DEV_VARS } from './local-secrets.js';
import { buildSeedSql, DEMO_TENANT } from './seed.js';

const workerDir = fileURLToPath(new URL('..', import.meta.url));
const wrangler = fileURLToPath(new URL('../node_modules/.bin/wrangler', import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const token = process.env.SUPPORT_METRICS_DEMO_TOKEN || 'demo-token';
// Without .dev.vars, webhooks and Slack requests are verified with demo secrets (local-secrets.ts) so that the signed
// examples below work. The demo Slack bot token reaches no workspace: commands answered from the store work, swarms
// cannot.
const demoSecrets = !existsSync(DEV_VARS);
// Wrangler's DevTools proxy only when asked for: while attached, workerd reports every D1 query to wrangler's Node
// process (a round trip and a debug-log line each), which costs ingest about a third of its throughput and grows
// the log in ~/.config/.wrangler/logs by gigabytes (bench/worker-ingest.ts measures both). Wrangler has no flag for it; it
// detaches the proxy when VSCODE_INSPECTOR_OPTIONS is set, as in a VS Code debug terminal.
const devtools = process.env.SUPPORT_METRICS_DEVTOOLS === '1';
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  NO_UPDATE_NOTIFIER: '1',
  ...(devtools ? {} : { VSCODE_INSPECTOR_OPTIONS: '{}' }),
};

function run(args: string[]): string {
  return execFileSync(wrangler, args, {
    cwd: workerDir,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

console.log('Applying D1 migrations to the local database…');
run(['d1', 'migrations', 'apply', 'DB', '--local']);
const count = JSON.parse(
  run([
    'd1',
    'execute',
    'DB',
    '--local',
    '--json',
    '--command',
    `SELECT count(*) AS n FROM tenants WHERE id = '${DEMO_TENANT}'`,
  ]),
);
if ((count[0]?.results?.[0]?.n ?? 0) === 0) {
  const { sql, cases } = buildSeedSql({ token, now: new Date() });
  mkdirSync(`${workerDir}.wrangler`, { recursive: true });
  const file = `${workerDir}.wrangler/seed.sql`;
  writeFileSync(file, sql);
  console.log(`Seeding the demo tenant with ${cases} cases…`);
  run(['d1', 'execute', 'DB', '--local', '--file', file]);
} else
  console.log(
    'Demo tenant found: reusing the local data (delete packages/worker/.wrangler to start afresh).',
  );

const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--show-interactive-dev-session=false'];
if (demoSecrets)
  for (const [name, value] of Object.entries(DEMO_SECRETS)) args.push('--var', `${name}:${value}`);
const child: ChildProcess = spawn(wrangler, args, {
  cwd: workerDir,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
let announced = false;
const preview = await startPreview({ port: Number(process.env.PREVIEW_PORT ?? 5173), worker: base });
child.stdout?.on('data', (chunk: Buffer) => {
  const text = chunk.toString();
  if (!announced && text.includes('Ready on')) {
    announced = true;
    console.log(`
Support Metrics is running on ${base} (local D1, demo tenant "${DEMO_TENANT}").

  Metrics, last 30 days:   curl -H 'Authorization: Bearer ${token}' '${base}/api/metrics'
  By channel, last 7 days: curl -H 'Authorization: Bearer ${token}' '${base}/api/metrics?from=${new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10)}&groupBy=channel'
  One case:                curl -H 'Authorization: Bearer ${token}' '${base}/api/cases/1001'
  Bugs by support impact:  curl -H 'Authorization: Bearer ${token}' '${base}/api/bugs?sort=revenue'
  Customers at risk, why:  curl -H 'Authorization: Bearer ${token}' '${base}/api/customers?band=at_risk'
  Demand forecast:         curl -H 'Authorization: Bearer ${token}' '${base}/api/forecast'
  Plugins:                 curl ${base}/
  The Zendesk sidebar:     ${preview.url}   (a stand-in plays Zendesk, with a real ticket)
  A signed Zendesk webhook (a new ticket, scored and stored):
                           npx tsx packages/worker/scripts/send-demo-webhook.ts ${base}${demoSecrets ? '' : '   (uses ZENDESK_WEBHOOK_SECRET from .dev.vars)'}
  A signed Slack /support-metrics (answered from the store, printed as text and a Block Kit Builder link):
                           npx tsx packages/worker/scripts/send-demo-slack-command.ts '30d' ${base}
                           (also 'fcr', 'bugs', 'health', 'outcomes', 'forecast', 'help'; Slack's request URL is ${base}/slack/events)
  A signed Jira webhook (DEMO-2 moves to In Progress), then the bugs ranked:
                           npx tsx packages/worker/scripts/send-demo-jira-webhook.ts ${base}

${devtools ? "  DevTools: wrangler's inspector is attached (port 9229).\n" : '  Debug the worker with DevTools: SUPPORT_METRICS_DEVTOOLS=1 npx -y pnpm@12.21.0 start\n'}
Ctrl-C stops it; the data stays in packages/worker/.wrangler for the next start.`);
  } else if (announced && /\[wrangler:(info|warn|error)\]/.test(text)) process.stdout.write(text);
});
const stop = () => {
  child.kill('SIGINT');
  void preview.stop();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));
