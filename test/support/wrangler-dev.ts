import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const workerDir = fileURLToPath(new URL('../../packages/worker/', import.meta.url));
const wrangler = fileURLToPath(new URL('../node_modules/.bin/wrangler', import.meta.url));
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  NO_UPDATE_NOTIFIER: '1',
  CI: 'true',
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface RunningWorker {
  base: string;
  /** The local D1 state directory (--persist-to). */
  persistDir: string;
  /** Output of wrangler dev so far (for secret checks and debugging). */
  logs: () => string;
  sql: (command: string) => Promise<unknown[]>;
  stop: () => Promise<void>;
  /** Kills wrangler and workerd at once (SIGKILL to the process group), as a crash would: nothing is flushed. */
  crash: () => Promise<void>;
}

/**
 * Starts the real worker with `wrangler dev` (workerd, local D1 in a fresh temp dir, loopback only), applies the
 * migrations and creates tenants with tokens. Returns when it answers.
 */
export async function startWorker(
  opts: {
    vars?: Record<string, string>;
    /** Tenants by id: their API token, or the token and their settings (stored as given). */
    tenants?: Record<string, string | { token: string; settings: Record<string, unknown> }>;
    /** Reuse a state directory (migrations and tenants are already there). */
    persistDir?: string;
    /** Keep the state directory on stop. */
    keep?: boolean;
    /** More `wrangler dev` arguments (the benchmark passes `--log-level warn`). */
    args?: string[];
    /**
     * Keep wrangler's DevTools proxy attached (what `pnpm start` gives a developer). Off by default here: while it
     * is attached, workerd reports every D1 query to it as four network events, each a round trip to wrangler's
     * Node process and a line in its debug log, which costs ingest about a third of its throughput (bench/worker-ingest.ts
     * measures both). Wrangler's CLI has no flag for it; it detaches the proxy when VSCODE_INSPECTOR_OPTIONS is set
     * (inside a VS Code debug terminal), which is what this sets.
     */
    devtools?: boolean;
  } = {},
): Promise<RunningWorker> {
  const fresh = !opts.persistDir;
  const persist = opts.persistDir ?? mkdtempSync(join(tmpdir(), 'sm-e2e-'));
  const run = promisify(execFile);
  // Wrangler's debug log goes with the state directory instead of piling up in ~/.config/.wrangler/logs.
  const wranglerEnv = { ...env, WRANGLER_LOG_PATH: join(persist, 'wrangler-logs') };
  const d1 = (args: string[]) =>
    run(wrangler, ['d1', ...args, '--local', '--persist-to', persist], { cwd: workerDir, env: wranglerEnv });
  if (fresh) await d1(['migrations', 'apply', 'DB']);
  for (const [tenant, given] of Object.entries(fresh ? (opts.tenants ?? {}) : {})) {
    const token = typeof given === 'string' ? given : given.token;
    const settings = typeof given === 'string' ? '{}' : JSON.stringify(given.settings).replaceAll("'", "''");
    const hash = createHash('sha256').update(token).digest('hex');
    await d1([
      'execute',
      'DB',
      '--command',
      `INSERT INTO tenants (id, name, settings, created_at) VALUES ('${tenant}', '${tenant}', '${settings}', '2026-11-01T00:00:00Z'); INSERT INTO api_tokens (token_hash, tenant_id, label, created_at) VALUES ('${hash}', '${tenant}', 'e2e', '2026-11-01T00:00:00Z');`,
    ]);
  }
  const port = await freePort();
  const args = [
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    persist,
    '--show-interactive-dev-session=false',
    ...(opts.args ?? []),
  ];
  for (const [k, v] of Object.entries(opts.vars ?? {})) args.push('--var', `${k}:${v}`);
  const child: ChildProcess = spawn(wrangler, args, {
    cwd: workerDir,
    env: {
      ...wranglerEnv,
      ...(opts.devtools ? {} : { VSCODE_INSPECTOR_OPTIONS: '{}' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that crash() reaches workerd too.
    detached: true,
  });
  let logs = '';
  child.stdout?.on('data', (d) => (logs += d));
  child.stderr?.on('data', (d) => (logs += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`wrangler dev did not start:\n${logs}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    persistDir: persist,
    logs: () => logs,
    sql: async (command) => {
      // The running worker may hold the database for a moment (SQLITE_BUSY): wait and try again.
      for (let attempt = 1; ; attempt++) {
        try {
          const { stdout } = await d1(['execute', 'DB', '--json', '--command', command]);
          return (JSON.parse(stdout) as { results: unknown[] }[])[0]?.results ?? [];
        } catch (e) {
          // With --json, wrangler writes its errors to stdout.
          const said = `${(e as { stdout?: unknown }).stdout ?? ''}${(e as { stderr?: unknown }).stderr ?? ''}`;
          if (attempt >= 6 || !/SQLITE_BUSY|database is locked/.test(said)) throw e;
          await new Promise((r) => setTimeout(r, 250 * attempt));
        }
      }
    },
    stop: async () => {
      child.kill('SIGINT');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      if (!opts.keep) rmSync(persist, { recursive: true, force: true });
    },
    crash: async () => {
      const exited = new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
  };
}

/** Signs a Zendesk webhook body: base64(HMAC-SHA256(secret, timestamp + body)). */
export function zendeskSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret)
    .update(timestamp + body)
    .digest('base64');
}
