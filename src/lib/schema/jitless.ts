/**
 * No eval under the site's CSP: zod's JIT probe (`new Function`) is caught, but the browser still
 * reports it as a securitypolicyviolation on every page. The flag is read when a schema is built,
 * so every module that builds schemas imports this file before 'zod'. Jitless parsing is plenty
 * fast for the objects we validate.
 */
import { z } from 'zod';

z.config({ jitless: true });
