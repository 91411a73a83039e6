import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { type AppConfig, loadConfig } from '../config.ts';
import type { AppDb } from '../db/client.ts';
import { TEST_PASSWORD } from './factories.ts';

export const ORIGIN = 'http://localhost:3000';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  // Tests purge on the closing day unless they set a grace period (the deployed default is 30 days).
  return {
    ...loadConfig({ NODE_ENV: 'test', OMBUD_DEMO: '0' }),
    publicUrl: ORIGIN,
    gallringDagar: 0,
    ...overrides,
  };
}

export async function makeApp(db: AppDb, overrides: Partial<AppConfig> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ db, config: testConfig(overrides), serveWeb: false });
  await app.ready();
  return app;
}

/** A browser-like client: keeps the session cookie and sends our Origin on unsafe requests. */
export class Client {
  cookie: string | undefined;
  constructor(readonly app: FastifyInstance) {}

  async request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      ...opts,
      headers: { origin: ORIGIN, ...(this.cookie ? { cookie: this.cookie } : {}), ...(opts.headers ?? {}) },
    });
    const set = res.cookies.find((c) => c.name === 'ombud_session');
    if (set) this.cookie = set.value ? `ombud_session=${set.value}` : undefined;
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({
      method: 'POST',
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  }
  put(url: string, payload?: unknown) {
    return this.request({
      method: 'PUT',
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  }
  patch(url: string, payload?: unknown) {
    return this.request({
      method: 'PATCH',
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }

  async login(username: string, password = TEST_PASSWORD) {
    const res = await this.post('/api/v1/auth/login', { username, password });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    return this;
  }
}

/** A logged-in client for a user made by makeUser. */
export async function loginAs(app: FastifyInstance, username: string): Promise<Client> {
  return new Client(app).login(username);
}
