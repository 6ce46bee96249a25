import { createMiddleware } from 'hono/factory';
import { loadConfig } from '../config/load-config.js';
import { storeFor } from '../store/d1-store.js';
import type { AppEnv } from './app-env.js';

/** Validates the config (once per isolate) and puts it and the store on the context. */
export const platform = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const config = loadConfig(c.env);
    c.set('config', config);
    c.set('store', storeFor(c.env.DB, config));
    await next();
  });
