/**
 * Saved queries live in the browser's localStorage (this device only) and the current query in
 * the URL (?q=), so a link carries the query. Storage is passed in to keep this testable.
 */
export interface SavedQuery {
  name: string;
  sql: string;
  saved_at: string;
}

export const SAVED_KEY = 'dampak.sql.saved';
const MAX_SAVED = 50;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export function loadSaved(store: Store | null): SavedQuery[] {
  try {
    const raw = store?.getItem(SAVED_KEY);
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    if (!Array.isArray(list)) return [];
    return list.filter((q): q is SavedQuery => typeof q?.name === 'string' && typeof q?.sql === 'string' && typeof q?.saved_at === 'string');
  } catch {
    return []; // a corrupt entry is not worth breaking the page for
  }
}

/** Save under `name` (replacing a query of the same name), newest first. */
export function saveQuery(store: Store | null, name: string, sql: string, now = new Date()): SavedQuery[] {
  const list = [{ name: name.trim(), sql, saved_at: now.toISOString() }, ...loadSaved(store).filter((q) => q.name !== name.trim())].slice(0, MAX_SAVED);
  store?.setItem(SAVED_KEY, JSON.stringify(list));
  return list;
}

export function deleteQuery(store: Store | null, name: string): SavedQuery[] {
  const list = loadSaved(store).filter((q) => q.name !== name);
  store?.setItem(SAVED_KEY, JSON.stringify(list));
  return list;
}

/** localStorage, or null where it is unavailable (private mode, blocked storage). */
export function browserStore(): Store | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
