/**
 * A test client over app.request() that behaves like a browser on the app's own origin:
 * it keeps the cookies the API sets and sends the Origin header on state-changing requests.
 */
import type { Json } from './http';

type App = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

export const ORIGIN = 'http://localhost';

export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: App,
    private readonly origin: string | null = ORIGIN,
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const method = (init.method ?? 'GET').toUpperCase();
    if (this.origin && !['GET', 'HEAD'].includes(method) && !headers.has('origin'))
      headers.set('origin', this.origin);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const res = await this.app.request(`${ORIGIN}${path}`, { ...init, method, headers, body });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get = (path: string, init: RequestInit = {}) => this.request(path, { ...init, method: 'GET' });
  post = (path: string, json?: unknown, init: RequestInit = {}) =>
    this.request(path, { ...init, method: 'POST', json });
  patch = (path: string, json?: unknown, init: RequestInit = {}) =>
    this.request(path, { ...init, method: 'PATCH', json });
  put = (path: string, json?: unknown, init: RequestInit = {}) =>
    this.request(path, { ...init, method: 'PUT', json });
  delete = (path: string, init: RequestInit = {}) =>
    this.request(path, { ...init, method: 'DELETE' });

  async signIn(email: string, password: string): Promise<Json> {
    const res = await this.post('/api/session', { email, password });
    if (res.status !== 200)
      throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
    return res.json();
  }
}
