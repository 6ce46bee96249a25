import { findMetric, type MetricId } from '@support-metrics/core';
import type { TrendChartSpec } from './trend-chart.js';

/** How long a chart's URL works: Slack fetches (and caches) an image when it shows the message. */
export const CHART_URL_TTL_MS = 30 * 86_400_000;

/** A chart URL that was not made by us, was changed, or has expired. */
export class ChartUrlError extends Error {
  override name = 'ChartUrlError';
  constructor(
    message: string,
    readonly expired = false,
  ) {
    super(message);
  }
}

const enc = new TextEncoder();
const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
const fromB64url = (s: string) =>
  Uint8Array.from(atob(s.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));

/**
 * The key that signs chart URLs: HMAC-SHA256 of a fixed label under the Slack signing secret, so that it is
 * neither the signing secret itself nor anything Slack could compute a request signature with.
 */
async function chartKey(secret: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const derived = await crypto.subtle.sign('HMAC', base, enc.encode('support-metrics chart url v1'));
  return crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);

/**
 * The path of a chart's image: `/slack/charts/<payload>.<signature>.png`, the payload being the chart itself
 * (metric, weeks, values, average, target) and its expiry, the signature an HMAC over it. Unguessable (the HMAC),
 * unchangeable (any edit fails the signature) and expiring; nothing is stored.
 *
 * @example const path = await chartPath(env.SLACK_SIGNING_SECRET, spec, Date.now());
 */
export async function chartPath(secret: string, spec: TrendChartSpec, now: number, ttlMs = CHART_URL_TTL_MS) {
  const payload = b64url(
    enc.encode(
      JSON.stringify({
        m: spec.metricId,
        l: spec.labels,
        v: spec.values.map(round),
        p: spec.previous.map(round),
        b: round(spec.benchmark),
        t: round(spec.target),
        e: Math.floor((now + ttlMs) / 1000),
      }),
    ),
  );
  const signature = b64url(
    new Uint8Array(await crypto.subtle.sign('HMAC', await chartKey(secret), enc.encode(payload))),
  );
  return `/slack/charts/${payload}.${signature}.png`;
}

const nums = (xs: unknown, max: number): (number | null)[] | null =>
  Array.isArray(xs) &&
  xs.length <= max &&
  xs.every((x) => x === null || (typeof x === 'number' && Number.isFinite(x)))
    ? (xs as (number | null)[])
    : null;

/** Reads a chart path's last segment back into its chart; ChartUrlError when forged, changed, malformed or expired. */
export async function readChartToken(secret: string, token: string, now: number): Promise<TrendChartSpec> {
  const m = /^([A-Za-z0-9_-]{1,4000})\.([A-Za-z0-9_-]{43})\.png$/.exec(token);
  if (!m?.[1] || !m[2]) throw new ChartUrlError('not a chart URL');
  const [, payload, signature] = m;
  let sig: Uint8Array;
  try {
    sig = fromB64url(signature);
  } catch {
    throw new ChartUrlError('not a chart URL');
  }
  if (!(await crypto.subtle.verify('HMAC', await chartKey(secret), sig, enc.encode(payload))))
    throw new ChartUrlError('bad signature');
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(new TextDecoder().decode(fromB64url(payload)));
  } catch {
    throw new ChartUrlError('not a chart URL');
  }
  if (typeof body.e !== 'number' || body.e * 1000 < now) throw new ChartUrlError('expired', true);
  const metric = typeof body.m === 'string' ? findMetric(body.m) : undefined;
  const labels =
    Array.isArray(body.l) &&
    body.l.length <= 60 &&
    body.l.every((l) => typeof l === 'string' && l.length <= 10)
      ? (body.l as string[])
      : null;
  const values = nums(body.v, 60);
  const previous = nums(body.p, 60);
  const one = (v: unknown) =>
    v === null || (typeof v === 'number' && Number.isFinite(v)) ? (v as number | null) : undefined;
  const benchmark = one(body.b);
  const target = one(body.t);
  if (!metric || !labels || !values || !previous || benchmark === undefined || target === undefined)
    throw new ChartUrlError('not a chart URL');
  return { metricId: metric.id as MetricId, labels, values, previous, benchmark, target };
}
