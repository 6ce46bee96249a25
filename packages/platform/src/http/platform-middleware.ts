import { createMiddleware } from 'hono/factory';
import { loadConfig } from '../config/load-config.js';
import { D1Store } from '../store/d1-store.js';
import type { AppEnv } from './app-env.js';

/** Validates the config (once per isolate) and puts it and the store on the context. */
export const platform = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('config', loadConfig(c.env));
    c.set('store', new D1Store(c.env.DB));
    await next();
  });
