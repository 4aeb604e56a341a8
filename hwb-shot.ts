import { chromium } from '@playwright/test';
const url = process.argv[2]; const out = process.argv[3]; const width = Number(process.argv[4] ?? 1280);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width, height: 900 } });
p.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
p.on('pageerror', (e) => console.log('pageerror:', e.message));
await p.goto(url);
await p.waitForSelector('[data-testid="impact-headline"], [data-testid="impact-error"], [data-testid="impact-timing-issues"]', { timeout: 90000 }).catch(e => console.log('wait', e.message));
await p.waitForTimeout(1500);
await p.screenshot({ path: out, fullPage: true });
for (const id of ['impact-timing', 'impact-headline', 'impact-sample', 'impact-error', 'impact-pretest']) {
  const l = p.getByTestId(id); if (await l.count()) console.log(id, '=>', (await l.first().innerText()).slice(0, 900));
}
await b.close();
