/**
 * All UI strings. Each domain keeps its own file ({ id: {...}, en: loader of en/<file>.ts });
 * register it here. The English table must have every key of the Indonesian one and no other (its
 * `satisfies` checks that at compile time, a unit test the placeholders too).
 */
import { common } from './common';
import { map } from './map';
import { impact } from './impact';
import { report } from './report';
import { program } from './program';
import { sql } from './sql';
import { publish } from './publish';
import { sosial } from './sosial';

export const DOMAINS = [common, map, impact, report, program, sql, publish, sosial] as const;

type Merge<T extends readonly { id: object }[]> = T extends readonly [infer H extends { id: object }, ...infer R extends { id: object }[]]
  ? H['id'] & Merge<R>
  : unknown;

export type MessageKey = keyof Merge<typeof DOMAINS>;
