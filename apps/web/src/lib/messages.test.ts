// The interface's messages against the domain's list of languages and the code that uses them:
// - each UI locale has a messages file, and Paraglide's settings list exactly those locales;
// - Swedish, Finnish and English have every message; Arabic, Russian, Ukrainian and Estonian
//   have every message a public page can show (found by following imports from the public
//   routes), and no language has a message Swedish lacks;
// - each translation keeps the Swedish message's {placeholders};
// - every message is used somewhere, and every route is classed public or not, so a new
//   page cannot be forgotten.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_LOCALE, UI_LOCALES } from '@motesplats/domain/locales';
import { describe, expect, it } from 'vitest';

const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(WEB, 'src');
const ROUTES = join(SRC, 'routes', '[lang=lang]');

/** Complete on every page, staff and administration included. */
const COMPLETE = ['sv', 'fi', 'en'] as const;

/**
 * The pages anyone reaches without an account or role: the calendar, events, venues, the
 * association directory, signing up and in, the accessibility statement. Their messages
 * must exist in every UI language. Paths are relative to src/routes/[lang=lang].
 */
const PUBLIC_ROUTES = [
  '',
  'accessibility',
  'associations',
  'associations/[id]',
  'events/[id]',
  'invitations/[token]',
  'password/forgot',
  'password/reset',
  'refused/[status=refusal]',
  'sign-in',
  'sign-up',
  'venues',
  'venues/[id]',
];

/** Pages behind an account or a role: Swedish, Finnish and English suffice. */
const SIGNED_IN_ROUTES = [
  'account',
  'admin',
  'admin/categories',
  'admin/categories/[slug]',
  'admin/municipalities/[id]',
  'admin/municipalities/new',
  'associations/[id]/manage',
  'associations/new',
  'bookings',
  'bookings/[id]',
  'events/[id]/edit',
  'events/[id]/manage',
  'events/mine',
  'events/new',
  'staff/associations',
  'staff/attendance',
  'staff/audit',
  'staff/bookings',
  'staff/reports',
  'staff/reports/council',
  'staff/venues',
  'staff/venues/[id]',
  'staff/venues/[id]/building',
  'staff/venues/new',
  'venues/[id]/book',
];

/** Files every page runs through: the shells, the error pages and the server hooks. */
const SHARED_ROOTS = [
  'routes/+layout.svelte',
  'routes/+error.svelte',
  'routes/[lang=lang]/+layout.svelte',
  'routes/[lang=lang]/+layout.server.ts',
  'routes/[lang=lang]/+error.svelte',
  'hooks.server.ts',
].map((f) => join(SRC, f));

type Messages = Record<string, string>;
const messagesOf = (locale: string): Messages => {
  const { $schema: _schema, ...messages } = JSON.parse(
    readFileSync(join(WEB, 'messages', `${locale}.json`), 'utf8'),
  ) as Messages;
  return messages;
};
const base = messagesOf(BASE_LOCALE);

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : walk(path);
    return /\.(ts|js|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
const sources = walk(SRC);
const text = new Map(sources.map((f) => [f, readFileSync(f, 'utf8')]));

/** The project files a source imports (#lib/…, $lib/…, relative). */
function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const [, spec] of text.get(file)!.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
    let base: string | undefined;
    if (spec!.startsWith('#lib/') || spec!.startsWith('$lib/'))
      base = join(SRC, 'lib', spec!.slice(5));
    else if (spec!.startsWith('.')) base = resolve(dirname(file), spec!);
    if (!base || base.includes(`${join(SRC, 'lib', 'paraglide')}`)) continue;
    const candidate = [base, `${base}.ts`, `${base}.svelte`, join(base, 'index.ts')].find((c) =>
      text.has(c),
    );
    if (candidate) found.push(candidate);
  }
  return found;
}

function reachable(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = roots.filter((r) => text.has(r));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  return seen;
}

/**
 * The messages a set of files names as `m.key` (called, or handed on as a function in a
 * map of labels). Other objects called `m` (a municipality) name no message, so only
 * Swedish's keys count; svelte-check refuses a message that does not exist.
 */
const keysUsedIn = (files: Iterable<string>): Set<string> => {
  const keys = new Set<string>();
  for (const f of files)
    for (const [, key] of text.get(f)!.matchAll(/\bm\.([A-Za-z0-9_]+)\b/g))
      if (Object.hasOwn(base, key!)) keys.add(key!);
  return keys;
};

const routeFiles = (route: string): string[] => {
  const dir = join(ROUTES, route);
  return readdirSync(dir)
    .filter((n) => n.startsWith('+'))
    .map((n) => join(dir, n));
};

const placeholders = (message: string): string[] =>
  [...message.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map(([, name]) => name!).sort();

const publicKeys = keysUsedIn(reachable([...SHARED_ROOTS, ...PUBLIC_ROUTES.flatMap(routeFiles)]));
const allUsed = keysUsedIn(sources);

describe('messages', () => {
  it('has one messages file per UI locale and Paraglide lists the same locales', () => {
    const files = readdirSync(join(WEB, 'messages'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual([...UI_LOCALES].sort());
    const settings = JSON.parse(
      readFileSync(join(WEB, 'project.inlang', 'settings.json'), 'utf8'),
    ) as { baseLocale: string; locales: string[] };
    expect(settings.baseLocale).toBe(BASE_LOCALE);
    expect(settings.locales).toEqual([...UI_LOCALES]);
  });

  it('classes every route as public or signed-in, and each class names real routes', () => {
    const routes = walk(ROUTES)
      .filter((f) => /\/\+(page|layout|server)[^/]*$/.test(f))
      .map((f) => relative(ROUTES, dirname(f)))
      .filter((r, i, all) => all.indexOf(r) === i)
      .sort();
    expect(routes).toEqual([...PUBLIC_ROUTES, ...SIGNED_IN_ROUTES].sort());
  });

  it('finds the public messages by following imports (the calendar, sign-in, the shell)', () => {
    // The reachability itself must work, or the language checks below would pass empty.
    expect(publicKeys).toContain('site_name');
    expect(publicKeys).toContain('sign_in_title');
    expect(publicKeys.size).toBeGreaterThan(200);
    // Staff-only texts stay out of the public set.
    expect([...publicKeys].filter((k) => k.startsWith('audit_'))).toEqual([]);
  });

  it.each(COMPLETE)('%s has every message', (locale) => {
    const messages = messagesOf(locale);
    const missing = Object.keys(base).filter((k) => !messages[k]?.trim());
    expect(missing).toEqual([]);
  });

  it.each(UI_LOCALES.filter((l) => !(COMPLETE as readonly string[]).includes(l)))(
    '%s has every message a public page shows',
    (locale) => {
      const messages = messagesOf(locale);
      const missing = [...publicKeys].filter((k) => !messages[k]?.trim()).sort();
      expect(missing).toEqual([]);
    },
  );

  it.each(UI_LOCALES)('%s has no message Swedish lacks and keeps its placeholders', (locale) => {
    const messages = messagesOf(locale);
    expect(Object.keys(messages).filter((k) => !(k in base))).toEqual([]);
    const broken = Object.entries(messages)
      .filter(([k, v]) => placeholders(v).join() !== placeholders(base[k] ?? '').join())
      .map(([k]) => k);
    expect(broken).toEqual([]);
  });

  it('uses every message', () => {
    expect(Object.keys(base).filter((k) => !allUsed.has(k))).toEqual([]);
    // A computed lookup (m[key]) would hide a message from both checks.
    const computed = sources.filter((f) => /\bm\[/.test(text.get(f)!));
    expect(computed.map((f) => relative(SRC, f))).toEqual([]);
  });
});
