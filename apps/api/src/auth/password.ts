import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing: argon2id at OWASP's recommended minimum (19 MiB of memory, 2
 * iterations, 1 lane; docs/decisions/007-accounts-better-auth.md). The algorithm is left to
 * the library's default, argon2id (its `Algorithm` enum is an ambient const enum that our
 * `verbatimModuleSyntax` cannot import; tests/api/password.test.ts checks the stored form).
 */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(input: { hash: string; password: string }): Promise<boolean>;
}

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, ARGON2_PARAMS),
  verify: async ({ hash: stored, password }) => {
    try {
      return await verify(stored, password);
    } catch {
      // A malformed stored hash verifies nothing.
      return false;
    }
  },
};
