/**
 * The bot scopes the app asks for, each for what it does (manifest.yaml lists the same; a test keeps them equal):
 * commands (/support-metrics), chat:write (posts, case cards), channels:manage (create and unarchive swarm
 * channels, invite experts), channels:join (join a subscribed or existing swarm channel), channels:read
 * (find a swarm channel by name, member_joined_channel), users:read and users:read.email (find experts by their
 * helpdesk email, names for the swarm note and the user's time zone).
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'channels:manage',
  'channels:join',
  'channels:read',
  'users:read',
  'users:read.email',
] as const;

/**
 * The Events API subscriptions (manifest.yaml `settings.event_subscriptions.bot_events`). app_home_opened needs no
 * scope (views.publish neither); the Home tab itself is `features.app_home.home_tab_enabled`.
 */
export const BOT_EVENTS = [
  'member_joined_channel',
  'app_uninstalled',
  'tokens_revoked',
  'app_home_opened',
] as const;
