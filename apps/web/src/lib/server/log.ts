// The server's log, as the pages reach it. The one-process server (apps/api/src/index.ts)
// shares its structured logger and a note board keyed by X-Request-Id on globalThis (the web
// app imports no API code): a page notes its route id and, on a 500, what failed, and the
// server writes the request's one JSON line with them. Served alone (`npm run dev`), the
// pages log to the console instead.

interface SharedLog {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}
type PageNotes = Map<string, { route?: string | null; error?: string }>;

const shared = <T>(name: string) =>
  (globalThis as Record<symbol, unknown>)[Symbol.for(name)] as T | undefined;

/** An error as one bounded line: its name and the first line of its message, never a stack. */
export function oneLine(error: unknown): string {
  const text =
    error instanceof Error
      ? `${error.name}: ${error.message.split('\n', 1)[0] ?? ''}`
      : String(error).split('\n', 1)[0]!;
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** One line at error level, with what failed (no stack). */
export function logError(message: string, error?: unknown): void {
  const fields = error === undefined ? {} : { error: oneLine(error) };
  const log = shared<SharedLog>('motesplats.log');
  if (log) log.error({ component: 'web', ...fields }, message);
  else console.error(fields.error ? `${message}: ${fields.error}` : message);
}

/** Adds to the note of the request being answered; false when no server takes notes. */
export function notePage(request: Request, note: { route?: string | null; error?: string }) {
  const notes = shared<PageNotes>('motesplats.pages');
  const id = request.headers.get('x-request-id');
  if (!notes || !id) return false;
  notes.set(id, { ...notes.get(id), ...note });
  return true;
}
