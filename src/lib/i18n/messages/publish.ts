/** Strings of the publish domain (owned by its feature; keep keys prefixed 'publish.'). */
export const publish = {
  id: {},
  en: {}
} as const;
