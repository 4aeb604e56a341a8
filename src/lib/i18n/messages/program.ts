/** Strings of the program domain (owned by its feature; keep keys prefixed 'program.'). */
export const program = {
  id: {},
  en: {}
} as const;
