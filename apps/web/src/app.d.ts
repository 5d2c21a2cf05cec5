// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      /** The UI language of this request, decided by the Paraglide middleware. */
      locale: import('#lib/paraglide/runtime.js').Locale;
      /** The signed-in visitor and their roles (from GET /api/session), or null. */
      session: import('#lib/server/api.ts').SessionView | null;
    }
  }
}

export {};
