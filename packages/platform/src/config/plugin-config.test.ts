import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../http/errors.js';
import { optionalEnv, optionalHttpUrl, PlatformConfigSchema } from './env-schema.js';
import { composeConfig, featureState, type PluginConfig } from './plugin-config.js';

// A plugin's part as a plugin declares one (its own variables and states), for composing with the platform's.
const Widget = z.object({
  WIDGET_SECRET: optionalEnv,
  WIDGET_URL: optionalHttpUrl,
});
const widget: PluginConfig<typeof Widget> = {
  schema: Widget,
  status: (config) => ({
    widget: featureState(config as unknown as z.infer<typeof Widget>, ['WIDGET_SECRET']),
  }),
};

describe('the platform config', () => {
  it('defaults what it can and treats blank values as unset', () => {
    expect(PlatformConfigSchema.parse({ SETTINGS_SECRET: '  ', PUBLIC_URL: '' })).toEqual({
      DEFAULT_TENANT: 'default',
      SETTINGS_SECRET: undefined,
      SETTINGS_SECRET_PREVIOUS: undefined,
      PUBLIC_URL: undefined,
      MAX_BODY_BYTES: 1_048_576,
      WEBHOOK_TOLERANCE_SECONDS: 300,
    });
  });

  it('names each bad variable, never its value', () => {
    const config = composeConfig([]);
    expect(() => config.load({ DEFAULT_TENANT: 'Acme Corp', PUBLIC_URL: 'support.acme.com' })).toThrow(
      new ConfigError(
        'invalid configuration: DEFAULT_TENANT: lower-case letters, digits and dashes; PUBLIC_URL: Invalid URL',
      ),
    );
  });
});

describe('composeConfig', () => {
  const config = composeConfig([widget]);

  it("yields the platform's fields and the part's, and only those", () => {
    expect(config.load({ WIDGET_SECRET: 's', DEFAULT_TENANT: 'acme', OTHER: 'x' })).toMatchObject({
      DEFAULT_TENANT: 'acme',
      WIDGET_SECRET: 's',
    });
    expect(config.load({ OTHER: 'x' })).not.toHaveProperty('OTHER');
  });

  it("rejects what the platform's schema rejects and what the part's rejects, together, each at its path", () => {
    const parsed = config.schema.safeParse({ MAX_BODY_BYTES: '-1', WIDGET_URL: 'ftp://files.acme.com' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['MAX_BODY_BYTES', 'WIDGET_URL']);
  });

  it('parses an env object once (per isolate), and another env again', () => {
    const env = { WIDGET_SECRET: 'a' };
    expect(config.load(env)).toBe(config.load(env));
    expect(config.load({ WIDGET_SECRET: 'a' })).not.toBe(config.load(env));
  });

  it("lists every part's features, on or off with what to set", () => {
    expect(config.status(config.load({}))).toEqual({
      widget: { enabled: false, message: 'set WIDGET_SECRET to enable' },
    });
    expect(config.status(config.load({ WIDGET_SECRET: 's' }))).toEqual({ widget: { enabled: true } });
  });

  it('refuses two parts that declare the same variable (a wiring mistake, at construction)', () => {
    expect(() => composeConfig([widget, widget])).toThrow(/declares WIDGET_SECRET, already declared/);
    const again = { schema: z.object({ PUBLIC_URL: optionalEnv }), status: () => ({}) };
    expect(() => composeConfig([again])).toThrow(
      'config part 0 declares PUBLIC_URL, already declared by the platform',
    );
  });
});

describe('featureState', () => {
  it('names every variable still missing', () => {
    expect(featureState({ A: 'x', B: undefined, C: '' }, ['A', 'B', 'C'])).toEqual({
      enabled: false,
      message: 'set B, C to enable',
    });
  });
});
