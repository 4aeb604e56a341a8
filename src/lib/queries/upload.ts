/** Queries for files dropped on the Data page: the region list their names are matched against. */
import { query } from '$lib/db';
import type { RegionRef } from '$lib/regions';

export function wilayahRefs(): Promise<RegionRef[]> {
  return query<RegionRef & Record<string, unknown>>(['wilayah'], 'SELECT kode, nama, nama_pendek, jenis FROM wilayah ORDER BY kode');
}
