import { apiError } from '../http/errors.js';
import { StaleCaseError } from './case-store.js';

/** How often a change is applied again when its case changed meanwhile, before the sender is told to retry. */
export const SAVE_TRIES = 10;

/**
 * Runs `attempt` (read the case, apply the change, save it on the version read) again when the case changed in
 * between (StaleCaseError: another delivery for the same case won; nothing of this one was written), after a short
 * random pause. After SAVE_TRIES the case is changing too fast: `503 busy` with Retry-After, so the sender retries
 * later rather than failing the delivery. Any other error is thrown as it is.
 *
 * @example const result = await saveWithRetry(() => applyAndSave(delivery));
 */
export async function saveWithRetry<T>(attempt: () => Promise<T>, tries = SAVE_TRIES): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof StaleCaseError)) throw e;
      if (n >= tries)
        throw apiError(503, 'busy', `case ${e.caseId} is changing too fast; retry`, undefined, {
          'retry-after': '1',
        });
      await new Promise((r) => setTimeout(r, Math.random() * 5 * n));
    }
  }
}
