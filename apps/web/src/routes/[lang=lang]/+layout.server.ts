import type { LayoutServerLoad } from './$types';

/** Whether the header offers "Sign in" or "My account" (the session itself stays on the server). */
export const load: LayoutServerLoad = ({ locals }) => ({ signedIn: locals.session !== null });
