import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_EVENTS, BOT_SCOPES } from '../install/scopes.js';
import { COMMAND, registerCommand } from '../listeners/command-listener.js';
import { registerEvents } from '../listeners/event-listeners.js';
import { registerHome } from '../listeners/home-listeners.js';
import { registerMaturity } from '../listeners/maturity-actions.js';
import { registerShare } from '../listeners/share-action.js';
import { registerSwarmInteractions, SWARM_SHORTCUT } from '../listeners/swarm-actions.js';

const manifest = parse(readFileSync(new URL('../../manifest.yaml', import.meta.url), 'utf8'));

/**
 * What the listeners subscribe to, recorded by an App stand-in that only notes each registration: the same
 * register functions createBoltApp calls, so a listener added there shows up here.
 */
function registered() {
  const seen = { command: [] as string[], shortcut: [] as string[], event: [] as string[] };
  const note = (kind: keyof typeof seen) => (name: unknown) => {
    seen[kind].push(String(name));
  };
  const app = {
    command: note('command'),
    shortcut: note('shortcut'),
    event: note('event'),
    action() {},
    view() {},
  };
  for (const register of [
    registerCommand,
    registerShare,
    registerSwarmInteractions,
    registerMaturity,
    registerEvents,
    registerHome,
  ])
    register(app as unknown as Parameters<typeof register>[0]);
  return seen;
}

describe('manifest.yaml', () => {
  it('declares exactly what the listeners handle, and the listeners handle all it declares', () => {
    const code = registered();
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command).sort()).toEqual(
      [...code.command].sort(),
    );
    expect(manifest.features.shortcuts.map((s: { callback_id: string }) => s.callback_id).sort()).toEqual(
      [...code.shortcut].sort(),
    );
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...code.event].sort());
  });

  it('declares the command, shortcut, scopes and events the code uses', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([COMMAND]);
    expect(manifest.features.slash_commands[0].should_escape).toBe(true);
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ type: 'message', callback_id: SWARM_SHORTCUT }),
    );
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...BOT_EVENTS].sort());
  });

  it('enables the Home tab that app_home_opened publishes', () => {
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true });
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
  });

  it('sends commands, events and interactivity to the one request URL, over HTTP (not socket mode)', () => {
    const urls = [
      manifest.features.slash_commands[0].url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe('/slack/events');
    expect(new URL(manifest.oauth_config.redirect_urls[0]).pathname).toBe('/slack/oauth_redirect');
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
