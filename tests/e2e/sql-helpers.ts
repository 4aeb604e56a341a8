/** Driving the SQL workbench from tests: the editor, the Run button, and what the page says. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export async function setQuery(page: Page, sql: string) {
  const editor = page.locator('[data-testid="sql-editor"] .cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await editor.fill(sql);
}

export async function runAndWait(page: Page) {
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-run')).toBeEnabled({ timeout: 60_000 });
}

/** A server on another port that records every request: the place a leak would arrive. */
export async function sink(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/csv' });
    res.end('a\n1\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise<void>((r) => server.close(() => r())) };
}
