/**
 * A query travels in a link's fragment (`/sql#q=…`): the fragment never reaches the server, so a
 * long query cannot hit a header limit (HTTP 431) and is not written to server logs. Older links
 * with `?q=` are still read. A link only fills the editor; the query runs when the user presses Run.
 */

/** The query a link carries, or null (none, or an escape that does not decode). */
export function queryFromUrl(url: URL): string | null {
  const hash = url.hash.startsWith('#') ? url.hash.slice(1) : url.hash;
  if (hash) {
    for (const part of hash.split('&')) {
      if (!part.startsWith('q=')) continue;
      try {
        return decodeURIComponent(part.slice(2).replaceAll('+', ' '));
      } catch {
        return null;
      }
    }
  }
  return url.searchParams.get('q');
}

/** The link to share for `sql`: this page and its other parameters, `q` moved into the fragment. */
export function shareUrl(url: URL, sql: string): URL {
  const next = new URL(url);
  next.searchParams.delete('q');
  next.hash = `q=${encodeURIComponent(sql)}`;
  return next;
}
