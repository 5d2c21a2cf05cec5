/**
 * A real OpenID Connect provider (npm oidc-provider) on 127.0.0.1:<free port>, for tests
 * of staff sign-in: discovery, authorization code with PKCE, consent, id_token, userinfo.
 * Its people and their groups live in `users` and may change between sign-ins. Its
 * development login form accepts any password for a known login.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface IdpUser {
  email: string;
  name: string;
  groups: string[];
}

export interface LoopbackIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** login (= `sub`) → the person; change `groups` to change what the next sign-in says. */
  users: Map<string, IdpUser>;
  /**
   * Follows an authorization URL through the provider's own login and consent forms, as a
   * browser would (redirect: 'manual', a cookie jar for the provider), and answers the
   * redirect back to the client (the redirect URI with `code`, `state` and `iss`).
   */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startLoopbackIdp(options: {
  redirectUris: string[];
  users?: Record<string, IdpUser>;
}): Promise<LoopbackIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'motesplats';
  const clientSecret = 'loopback-client-secret-0123456789abcdef';
  const users = new Map(Object.entries(options.users ?? {}));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // oidc-provider demands PKCE of public clients only; better-auth sends it anyway.
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: {
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    cookies: { keys: ['loopback-idp-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, sub) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: user.email,
          email_verified: true,
          name: user.name,
          groups: [...user.groups],
        }),
      };
    },
  });
  server.on('request', provider.callback());

  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
  };
  const send = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    keep(res);
    return res;
  };

  async function signIn(authorizationUrl: string, login: string): Promise<URL> {
    let res = await send(authorizationUrl);
    for (let step = 0; step < 12; step++) {
      if (res.status >= 300 && res.status < 400) {
        const next = new URL(res.headers.get('location')!, issuer);
        if (next.origin !== issuer) return next;
        res = await send(next.href);
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action || !prompt)
        throw new Error(`The provider answered ${res.status}: ${html.slice(0, 500)}`);
      const form = new URLSearchParams({ prompt });
      if (prompt === 'login') {
        form.set('login', login);
        form.set('password', 'any password');
      }
      res = await send(new URL(action.replaceAll('&amp;', '&'), issuer).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      });
    }
    throw new Error('The provider did not send the browser back.');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    users,
    signIn: (url, login) => {
      jar.clear();
      return signIn(url, login);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
