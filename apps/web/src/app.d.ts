// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      /** The UI language of this request, decided by the Paraglide middleware. */
      locale: import('#lib/paraglide/runtime.js').Locale;
    }
  }
}

export {};
