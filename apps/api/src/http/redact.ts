/**
 * A request path as it may be written down (log lines, a problem's `instance`): a private
 * feed's path carries its token, which is as good as a password, so it is cut off.
 */
export const redactPath = (path: string): string =>
  /^\/feeds\/private\//.test(path) ? '/feeds/private/…' : path;
