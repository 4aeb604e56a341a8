/** Strings of the sql domain (owned by its feature; keep keys prefixed 'sql.'). */
export const sql = {
  id: {},
  en: {}
} as const;
