/** The message files (src/lib/i18n/messages), in the order of DOMAINS in messages/index.ts. */
export const NAMESPACES = ['common', 'map', 'impact', 'report', 'program', 'sql', 'publish', 'sosial'] as const;
export type Namespace = (typeof NAMESPACES)[number];
