import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';

/** Bad configuration at start-up (a binding or variable that does not parse). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A request whose signature is missing, malformed, stale or wrong. */
export class SignatureError extends Error {
  override name = 'SignatureError';
}

/** A plugin whose secrets are absent. */
export class NotConfiguredError extends Error {
  override name = 'NotConfiguredError';
  constructor(readonly variables: readonly string[]) {
    super(`set ${variables.join(', ')} to enable`);
  }
}

/** The JSON body of every error the API returns. */
export interface ErrorBody {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}

/**
 * An HTTP error with a JSON body `{ error, message, issues? }`.
 *
 * @example throw apiError(404, 'not_found', 'no case 42');
 */
export function apiError(
  status: ContentfulStatusCode,
  error: string,
  message: string,
  issues?: ErrorBody['issues'],
  headers: Record<string, string> = {},
) {
  const body: ErrorBody = { error, message, ...(issues ? { issues } : {}) };
  return new HTTPException(status, {
    message,
    res: new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    }),
  });
}

/** Zod issues as `{ path: 'ticket.created_at', message }`. */
export function zodIssues(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/** A 400 naming the zod issue paths. */
export function invalidInput(error: ZodError, what = 'request') {
  const issues = zodIssues(error);
  return apiError(
    400,
    'invalid_input',
    `invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues,
  );
}

/**
 * The one place that turns anything thrown into the API's JSON error: 400 for bad input, 401 for a bad
 * signature, 503 for a plugin that is off, 500 (without details) for the rest.
 */
export function onError(err: Error, c: Context): Response {
  if (err instanceof HTTPException) return err.getResponse();
  if (err instanceof ZodError) return invalidInput(err).getResponse();
  if (err instanceof SignatureError)
    return c.json({ error: 'invalid_signature', message: err.message } satisfies ErrorBody, 401);
  if (err instanceof NotConfiguredError)
    return c.json({ error: 'not_configured', message: err.message } satisfies ErrorBody, 503);
  if (err instanceof ConfigError)
    return c.json({ error: 'config_error', message: err.message } satisfies ErrorBody, 500);
  // Only the error's name reaches the log: messages of unexpected errors may quote request data.
  console.error(`unhandled ${err.name}`);
  return c.json({ error: 'internal_error', message: 'something went wrong' } satisfies ErrorBody, 500);
}

/** 404 for unknown routes, in the same JSON shape. */
export function notFound(c: Context): Response {
  return c.json(
    {
      error: 'not_found',
      message: `no route ${c.req.method} ${new URL(c.req.url).pathname}`,
    } satisfies ErrorBody,
    404,
  );
}
