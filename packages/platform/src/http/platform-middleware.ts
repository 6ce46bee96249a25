import { createMiddleware } from 'hono/factory';
import { loadConfig } from '../config/load-config.js';
import { createStores, type StorePlugins } from '../store/stores.js';
import type { AppEnv } from './app-env.js';

/**
 * Validates the config (once per isolate) and puts it and the stores on the context, built once from the plugins'
 * contributions (their `caseSaved` hooks, the bug tracker's links).
 *
 * @example app.use('*', platform({ caseSaved: [jiraCaseSaved], bugLinks: (db) => new JiraStore(db) }))
 */
export const platform = (plugins: StorePlugins = {}) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const config = loadConfig(c.env);
    c.set('config', config);
    c.set('stores', createStores(c.env.DB, config, plugins));
    await next();
  });
