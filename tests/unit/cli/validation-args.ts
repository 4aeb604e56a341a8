/** `npm run impact` arguments for the public validation sets (../shared/validation), shared by the CLI tests. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const validation = path.resolve(repoRoot, '../shared/validation');

/** Callaway–Sant'Anna's mpdta: county panel, staggered adoption by first.treat. */
export const mpdta = ['--input', path.join(validation, 'mpdta.csv'), '--unit', 'countyreal', '--time', 'year', '--outcome', 'lemp', '--group', 'first.treat'];
/** Abadie's Proposition 99: California treated from 1989. */
export const prop99 = [
  '--input',
  path.join(validation, 'california_prop99.csv'),
  '--unit',
  'State',
  '--time',
  'Year',
  '--outcome',
  'PacksPerCapita',
  '--treatment',
  'treated'
];
