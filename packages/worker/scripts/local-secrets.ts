/**
 * The secrets of the local worker, as the scripts here need them. Without a .dev.vars, `pnpm start` gives
 * `wrangler dev` the demo ones below (so that the signed examples work on a fresh machine); with one, wrangler reads
 * it and the scripts do too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEV_VARS = fileURLToPath(new URL('../.dev.vars', import.meta.url));

/** What `pnpm start` passes as `--var` when there is no .dev.vars. */
export const DEMO_SECRETS = {
  ZENDESK_WEBHOOK_SECRET: 'demo-webhook-secret',
  SLACK_SIGNING_SECRET: 'demo-slack-signing-secret',
  // Reaches no workspace: commands answered from the store work, swarms cannot.
  SLACK_BOT_TOKEN: 'xoxb-demo-offline',
  JIRA_WEBHOOK_SECRET: 'demo-jira-webhook-secret',
  SETTINGS_SECRET: 'demo-settings-secret',
} as const;

/** `NAME=value` lines of a .dev.vars file, as dotenv reads them: comments, `export `, quotes, ` #` after a bare value. */
export function parseDevVars(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const value = m[2] as string;
    const quoted = /^(["'`])(.*)\1$/.exec(value);
    out[m[1] as string] = quoted ? (quoted[2] as string) : value.replace(/\s+#.*$/, '');
  }
  return out;
}

/**
 * A secret as the local worker has it: from .dev.vars when there is one (wrangler dev reads it), else the demo one
 * `pnpm start` passes; undefined when .dev.vars exists without it.
 */
export function workerSecret(name: string): string | undefined {
  if (existsSync(DEV_VARS)) return parseDevVars(readFileSync(DEV_VARS, 'utf8'))[name] || undefined;
  return DEMO_SECRETS[name as keyof typeof DEMO_SECRETS];
}

/** A secret for a script: the environment first (a worker started some other way), else workerSecret. */
export function localSecret(name: keyof typeof DEMO_SECRETS): string | undefined {
  return process.env[name] || workerSecret(name);
}

/** localSecret, or an exit naming where to set it. */
export function requireLocalSecret(name: keyof typeof DEMO_SECRETS): string {
  const value = localSecret(name);
  if (value) return value;
  console.error(`${name} is not set: add it to packages/worker/.dev.vars (or the environment).`);
  process.exit(2);
}
