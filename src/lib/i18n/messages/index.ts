/**
 * All UI strings. Each domain keeps its own file ({ id: {...}, en: {...} }); add yours here.
 * The English table must have every key of the Indonesian one (checked by a unit test).
 */
import { common } from './common';

export const DOMAINS = [common] as const;

type Merge<T extends readonly { id: object }[]> = T extends readonly [infer H extends { id: object }, ...infer R extends { id: object }[]]
  ? H['id'] & Merge<R>
  : unknown;

export type MessageKey = keyof Merge<typeof DOMAINS>;
