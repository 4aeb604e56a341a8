/**
 * Chart downloads: SVG and PNG carry the title, unit and source line around the chart itself;
 * CSV carries the same rows as the accessible table (UTF-8 with BOM so Excel reads it).
 */
import { csvLine } from './csv';
export interface TableColumn {
  key: string;
  label: string;
  /** Display formatting for the HTML table; CSV keeps raw values. */
  format?: (v: unknown, row: Record<string, unknown>) => string;
}

export interface ChartTable {
  columns: TableColumn[];
  rows: Record<string, unknown>[];
}

/** CSV of a table (cells written by csv.ts: quoted, spreadsheet formulas neutralised). */
export function toCsv(table: ChartTable): string {
  const head = csvLine(table.columns.map((c) => c.label));
  const body = table.rows.map((r) => csvLine(table.columns.map((c) => r[c.key])));
  return '\ufeff' + [head, ...body].join('\r\n') + '\r\n';
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Wrap a chart's SVG with a header (title, subtitle) and footer (source) into one standalone SVG. */
export function frameSvg(chartSvg: string, width: number, height: number, title: string, subtitle: string, source: string): string {
  const head = 58;
  const foot = 30;
  const inner = chartSvg.replace(/^<\?xml[^>]*>/, '').replace(/<svg\b/, `<svg x="0" y="${head}"`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height + head + foot}" viewBox="0 0 ${width} ${height + head + foot}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="16" y="26" font-family="Plus Jakarta Sans, sans-serif" font-size="16" font-weight="700" fill="#1b2733">${esc(title)}</text>` +
    `<text x="16" y="46" font-family="Plus Jakarta Sans, sans-serif" font-size="12" fill="#5b6b7b">${esc(subtitle)}</text>` +
    inner +
    `<text x="16" y="${height + head + 20}" font-family="Plus Jakarta Sans, sans-serif" font-size="11" fill="#5b6b7b">${esc(source)}</text>` +
    `</svg>`
  );
}

/** Rasterise an SVG string to a PNG blob at `scale`× on white. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('SVG could not be rasterised'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.width * scale);
    canvas.height = Math.round(img.height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function saveBlob(blob: Blob, filename: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** A file name from a title: lowercase, ascii, dashes. */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
