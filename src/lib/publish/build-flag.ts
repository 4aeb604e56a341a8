/**
 * Is this the public build? `npm run build:public` sets VITE_DAMPAK_PUBLIC=1 for its vite build;
 * Vite replaces the expression at build time, so the internal build carries no trace of the flag.
 */
import { isInternalRoute } from './routes';

export const PUBLIC_BUILD: boolean = import.meta.env.VITE_DAMPAK_PUBLIC === '1';

/** True when `path` (without base) must not be shown in this build. */
export const hiddenInThisBuild = (path: string): boolean => PUBLIC_BUILD && isInternalRoute(path);
