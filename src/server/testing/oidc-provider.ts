import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (node-oidc-provider) for tests, on 127.0.0.1 and a free port. It has one
 * confidential client with PKCE required and knows the assurance levels LoA 2 and 3. Its login page is
 * replaced by small endpoints a test drives like a person at the IdP would: pick who logs in and with
 * which assurance level (`acr`), then approve the client.
 *
 *   GET  /interaction/:uid          → { uid, prompt }
 *   POST /interaction/:uid/login    form: sub, acr   (the IdP's authentication, e.g. SITHS = LoA 3)
 *   POST /interaction/:uid/confirm  (consent to the scopes asked for)
 */
export const LOA2 = 'http://id.elegnamnden.se/loa/1.0/loa2';
export const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  provider: Provider;
  close(): Promise<void>;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startTestIdp(redirectUri: string): Promise<TestIdp> {
  const clientId = 'ombud-test';
  const clientSecret = 'test-secret-som-ar-lang-nog-0123456789';
  let provider: Provider | undefined;

  const interaction = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const p = provider!;
    const details = await p.interactionDetails(req, res);
    if (req.method === 'GET' && path === `/interaction/${details.uid}`) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
      return;
    }
    if (req.method === 'POST' && path === `/interaction/${details.uid}/login`) {
      const form = await readForm(req);
      await p.interactionFinished(
        req,
        res,
        { login: { accountId: form.get('sub') ?? '', acr: form.get('acr') ?? LOA3, amr: ['hwk', 'pin'] } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (req.method === 'POST' && path === `/interaction/${details.uid}/confirm`) {
      const grant = new p.Grant({ accountId: details.session!.accountId, clientId });
      const missing = (details.prompt.details.missingOIDCScope as string[] | undefined) ?? ['openid'];
      grant.addOIDCScope(missing.join(' '));
      const grantId = await grant.save();
      await p.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    res.statusCode = 404;
    res.end();
  };

  let callback: ReturnType<Provider['callback']> | undefined;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/interaction/')) {
      interaction(req, res, path).catch((err: Error) => {
        if (res.headersSent) return void res.destroy(err);
        res.statusCode = 500;
        res.end(err.message);
      });
      return;
    }
    void callback!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  provider = new Provider(issuer, {
    jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' } as never] },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    acrValues: [LOA2, LOA3],
    claims: { openid: ['sub'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
    cookies: { keys: ['ombud-test-idp-cookie-key'] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, name: `Person ${sub}` }) }),
  });
  callback = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    provider,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A minimal browser for the IdP side: keeps cookies by name and follows nothing by itself. */
export class IdpBrowser {
  private jar = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  /**
   * Starting at the provider's authorisation URL, logs in as `sub` with assurance level `acr`, consents,
   * and returns the URL the provider finally redirects to (the relying party's redirect URI with code).
   */
  async authenticate(authorizationUrl: string, sub: string, acr: string, redirectUri: string): Promise<URL> {
    let url = authorizationUrl;
    for (let step = 0; step < 12; step++) {
      if (url.startsWith(redirectUri)) return new URL(url);
      const res = await this.fetch(url);
      const location = res.headers.get('location');
      if (location) {
        url = new URL(location, url).href;
        continue;
      }
      if (res.status !== 200) throw new Error(`IdP answered ${res.status}: ${await res.text()}`);
      const { uid, prompt } = (await res.json()) as { uid: string; prompt: string };
      const action = new URL(`/interaction/${uid}/${prompt === 'login' ? 'login' : 'confirm'}`, url);
      const submitted = await this.fetch(action.href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: prompt === 'login' ? new URLSearchParams({ sub, acr }).toString() : '',
      });
      const next = submitted.headers.get('location');
      if (!next) throw new Error(`IdP interaction ${prompt} answered ${submitted.status}`);
      url = new URL(next, url).href;
    }
    throw new Error('IdP login did not finish');
  }
}
