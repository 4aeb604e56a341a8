/**
 * Distances the demo uses to make follow-up slower far from the units. A unit stands at the seat
 * of its kabupaten/kota (its exact address is mostly unpublished), so distances are between seats.
 */
import type { Upt, Wilayah } from '../../../schema';

const R_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in km. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R_KM * Math.asin(Math.sqrt(h));
}

export interface UnitDistance {
  id: string;
  km: number;
}

/** Located units (kode known) among `ids`, nearest first, for a region; ties by id. */
export function nearestUnits(kode: string, ids: readonly string[], upt: readonly Upt[], wilayah: readonly Wilayah[]): UnitDistance[] {
  const seat = new Map(wilayah.map((w) => [w.kode, w]));
  const from = seat.get(kode);
  if (!from) return [];
  return upt
    .filter((u) => ids.includes(u.id) && u.kode !== null && seat.has(u.kode))
    .map((u) => ({ id: u.id, km: haversineKm(from, seat.get(u.kode!)!) }))
    .sort((a, b) => a.km - b.km || a.id.localeCompare(b.id));
}
