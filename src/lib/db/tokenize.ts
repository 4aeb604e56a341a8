/**
 * A small SQL tokenizer following DuckDB's lexer rules (comments end at a newline or a carriage
 * return; dollar-quote tags may hold digits after the first character). It does NOT decide what
 * runs: DuckDB parses and refuses statements itself (src/lib/db/readonly.ts). This tokenizer only
 * words friendly messages, finds the snapshot tables a query names (to load them first) and counts
 * `?` placeholders outside literals.
 */

export type Token =
  | { kind: 'word'; text: string; upper: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'punct'; text: string };

export class TokenizeError extends Error {
  constructor(readonly what: 'string' | 'comment' | 'identifier') {
    super(`unterminated ${what}`);
  }
}

/** `$$` or `$tag$`, where a tag starts with a letter or underscore and may go on with digits. */
const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

function dollarTag(sql: string, at: number): string | null {
  DOLLAR_TAG.lastIndex = at;
  return DOLLAR_TAG.exec(sql)?.[0] ?? null;
}

/** `?` placeholders outside string literals, quoted names and comments (unterminated text: none counted after it). */
export function placeholders(sql: string): number {
  try {
    return tokenize(sql).filter((t) => t.kind === 'punct' && t.text === '?').length;
  } catch {
    return (sql.match(/\?/g) ?? []).length; // unterminated: DuckDB will report the real problem
  }
}

export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n' && sql[i] !== '\r') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      // DuckDB block comments nest.
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
      if (depth > 0) throw new TokenizeError('comment');
    } else if (c === "'" || ((c === 'e' || c === 'E') && sql[i + 1] === "'")) {
      const escapes = c !== "'";
      let j = escapes ? i + 2 : i + 1;
      let text = '';
      for (;;) {
        if (j >= n) throw new TokenizeError('string');
        if (escapes && sql[j] === '\\') {
          text += sql[j + 1] ?? '';
          j += 2;
        } else if (sql[j] === "'" && sql[j + 1] === "'") {
          text += "'";
          j += 2;
        } else if (sql[j] === "'") break;
        else text += sql[j++];
      }
      out.push({ kind: 'string', text });
      i = j + 1;
    } else if (c === '$' && dollarTag(sql, i)) {
      const tag = dollarTag(sql, i)!;
      const end = sql.indexOf(tag, i + tag.length);
      if (end < 0) throw new TokenizeError('string');
      out.push({ kind: 'string', text: sql.slice(i + tag.length, end) });
      i = end + tag.length;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= n) throw new TokenizeError('identifier');
        if (sql[j] === '"' && sql[j + 1] === '"') {
          text += '"';
          j += 2;
        } else if (sql[j] === '"') break;
        else text += sql[j++];
      }
      out.push({ kind: 'quoted', text });
      i = j + 1;
    } else if (/[A-Za-z_\u00c0-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$\u00c0-\uffff]/.test(sql[j])) j++;
      const text = sql.slice(i, j);
      out.push({ kind: 'word', text, upper: text.toUpperCase() });
      i = j;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < n && /[0-9._eE]/.test(sql[j])) j++;
      out.push({ kind: 'number', text: sql.slice(i, j) });
      i = j;
    } else {
      out.push({ kind: 'punct', text: c });
      i++;
    }
  }
  return out;
}
