/** SQL helpers shared by the query files: identifiers are quoted, never taken raw from input. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
