/** Response bodies in tests are checked by assertions, so they are read untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export const json = (res: Response): Promise<Json> => res.json() as Promise<Json>;
