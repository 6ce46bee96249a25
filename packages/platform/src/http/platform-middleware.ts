import { createMiddleware } from 'hono/factory';
import { platformConfig } from '../config/load-config.js';
import type { ComposedConfig } from '../config/plugin-config.js';
import { createStores, type StorePlugins } from '../store/stores.js';
import type { AppEnv } from './app-env.js';

/**
 * What the plugins give the platform, composed by the worker: their config (composeConfig of each plugin's part;
 * the platform's alone when absent) and their store contributions (`caseSaved` hooks, the bug tracker's links).
 */
export interface PlatformPlugins extends StorePlugins {
  config?: ComposedConfig;
}

/**
 * Validates the config (once per isolate, with the plugins' schemas) and puts it, the plugins' states and the stores on
 * the context, built once from the plugins' contributions.
 *
 * @example app.use('*', platform({ config: workerConfig, caseSaved: [jiraCaseSaved], bugLinks: (db) => new JiraStore(db) }))
 */
export const platform = (plugins: PlatformPlugins = {}) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const composed = plugins.config ?? platformConfig;
    const config = composed.load(c.env);
    c.set('config', config);
    c.set('plugins', composed.status(config));
    c.set('stores', createStores(c.env.DB, config, plugins));
    await next();
  });
