import type { LayoutServerLoad } from './$types';

/**
 * Whether the header offers "Sign in" or "My account", and the administration to
 * administrators (the session itself stays on the server).
 */
export const load: LayoutServerLoad = ({ locals }) => ({
  signedIn: locals.session !== null,
  administrator: locals.session?.roles.administrator === true,
});
