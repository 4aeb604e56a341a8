/** Strings of the impact domain (owned by its feature; keep keys prefixed 'impact.'). */
export const impact = {
  id: {},
  en: {}
} as const;
