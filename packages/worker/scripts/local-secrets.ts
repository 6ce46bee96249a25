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

/** `NAME=value` lines of a .dev.vars file (dotenv: comments, blank lines, optional quotes). */
export function parseDevVars(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    const value = m[2] as string;
    out[m[1] as string] = /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
  }
  return out;
}

/**
 * A secret as the local worker has it: the environment first, else .dev.vars, else — with no .dev.vars — the demo
 * one; undefined when .dev.vars exists without it.
 */
export function localSecret(name: keyof typeof DEMO_SECRETS): string | undefined {
  if (process.env[name]) return process.env[name];
  if (existsSync(DEV_VARS)) return parseDevVars(readFileSync(DEV_VARS, 'utf8'))[name] || undefined;
  return DEMO_SECRETS[name];
}

/** localSecret, or an exit naming where to set it. */
export function requireLocalSecret(name: keyof typeof DEMO_SECRETS): string {
  const value = localSecret(name);
  if (value) return value;
  console.error(`${name} is not set: add it to packages/worker/.dev.vars (or the environment).`);
  process.exit(2);
}
