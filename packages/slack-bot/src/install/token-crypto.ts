import { seal, unseal } from '@support-metrics/platform';

/** The key of stored bot tokens: derived from SLACK_STATE_SECRET for this use only (platform's seal). */
const LABEL = 'slack-bot-token/v1';

/**
 * Encrypts a bot token for the slack_installations table: `v1.<iv>.<ciphertext>` (base64), AES-256-GCM.
 *
 * @example const stored = await encryptToken(env.SLACK_STATE_SECRET, 'xoxb-…');
 */
export const encryptToken = (secret: string, token: string): Promise<string> => seal(secret, LABEL, token);

/** Decrypts what encryptToken stored; throws when the secret changed or the value was tampered with. */
export const decryptToken = (secret: string, stored: string): Promise<string> =>
  unseal(secret, LABEL, stored);
