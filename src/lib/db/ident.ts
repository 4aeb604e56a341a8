/**
 * The one identifier quoting of the code base: a table or column name inside double quotes, inner
 * quotes doubled. Names come from the manifest, the table specs or a user's checked choice;
 * values never travel this way (they are `?` parameters).
 */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
