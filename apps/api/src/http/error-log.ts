/**
 * The one line a 5xx writes to the log: request id, method, path, status and what failed.
 * Never a stack, never SQL: a database driver's error is named by its own message (the
 * query builder's wrapper carries the whole statement and its parameters), cut to one
 * short line.
 */
export function errorLine(
  requestId: string | undefined,
  method: string,
  path: string,
  status: number,
  err: unknown,
): string {
  return `[${requestId ?? '-'}] ${method} ${path.slice(0, 200)} ${status} ${describe(err)}`;
}

const MAX = 200;

function describe(err: unknown): string {
  // drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: …", the driver's error as cause.
  const root = err instanceof Error && err.message.startsWith('Failed query:') ? err.cause : err;
  if (!(root instanceof Error)) return oneLine(String(root));
  const code = (root as { code?: unknown }).code;
  const name = typeof code === 'string' ? `${root.name} ${code}` : root.name;
  return `${name}: ${oneLine(root.message)}`;
}

const oneLine = (text: string) => {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return first.length > MAX ? `${first.slice(0, MAX)}…` : first;
};
