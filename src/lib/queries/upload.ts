/** Queries for files dropped on the Data page: the region list their names are matched against. */
import { sql } from '../db/coordinator';
import type { RegionRef } from '../regions';

export const wilayahRefs = () => sql<RegionRef & Record<string, unknown>>(['wilayah'], 'SELECT kode, nama, nama_pendek, jenis FROM wilayah ORDER BY kode');
