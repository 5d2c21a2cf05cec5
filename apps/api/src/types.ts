/** Types the web app may import (type-only) for its typed client. */
export type { AppType } from './app';
