import type { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';

/**
 * The methods an app answers at a path, from its registered routes (middleware, which
 * matches every method, does not count). Empty: no route has this path, a 404. Otherwise a
 * wrong method is a 405 with these in Allow.
 */
export function allowedMethods(app: Pick<Hono, 'routes'>): (path: string) => string[] {
  let router: TrieRouter<string> | undefined;
  let methods: string[] = [];
  return (path) => {
    if (!router) {
      router = new TrieRouter<string>();
      const seen = new Set<string>();
      for (const route of app.routes) {
        if (route.method === 'ALL') continue;
        router.add(route.method, route.path, route.method);
        seen.add(route.method);
      }
      methods = [...seen];
    }
    const allowed = methods.filter((m) => router!.match(m, path)[0].length > 0);
    if (allowed.includes('GET') && !allowed.includes('HEAD')) allowed.push('HEAD');
    return allowed;
  };
}
