/** Strings of the map domain (owned by its feature; keep keys prefixed 'map.'). */
export const map = {
  id: {},
  en: {}
} as const;
