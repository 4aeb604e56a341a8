/**
 * Far islands of Jawa Timur that would stretch the map extent into empty sea. They are drawn in
 * inset frames next to the mainland instead of at their true position:
 *  - Bawean (Gresik 3525), ~150 km north of the Gresik coast, lat ≈ −5.8;
 *  - Masalembu, Masakambing and Keramaian (Sumenep 3529), lat −5.6 … −5.0;
 *  - Kangean and the Sapeken islands (Sumenep 3529), lon 115.0 … 116.3, east of Madura.
 * Sapudi and Raas (Sumenep, lon ≤ 114.8) stay on the mainland map: they sit inside its extent.
 */
import type { Position } from 'geojson';

export type InsetId = 'bawean' | 'masalembu' | 'kangean';

export interface InsetSpec {
  id: InsetId;
  label: string;
  /** Region the islands belong to. */
  kode: string;
  /** Frames in the top strip sit above their islands' real longitude; 'right' frames sit east of Madura. */
  placement: 'top' | 'right';
}

export const FAR_ISLAND_INSETS: readonly InsetSpec[] = [
  { id: 'bawean', label: 'Bawean', kode: '3525', placement: 'top' },
  { id: 'masalembu', label: 'Masalembu', kode: '3529', placement: 'top' },
  { id: 'kangean', label: 'Kangean', kode: '3529', placement: 'right' }
];

/** Everything north of this latitude is far out in the Java Sea (the mainland coast is south of −6.7). */
const NORTH_LIMIT_LAT = -6.2;
/** Sumenep parts east of this longitude belong to the Kangean/Sapeken group. */
const KANGEAN_MIN_LON = 114.95;

/**
 * Which inset, if any, a polygon part belongs to, judged by the centre of its exterior ring's
 * bounding box (robust for the tiny, simplified island rings).
 */
export function insetOf(kode: string, polygon: readonly (readonly Position[])[]): InsetId | null {
  if (kode !== '3525' && kode !== '3529') return null;
  const ring = polygon[0] ?? [];
  if (ring.length === 0) return null;
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const lon = (Math.min(...lons) + Math.max(...lons)) / 2;
  const lat = (Math.min(...lats) + Math.max(...lats)) / 2;
  if (lat > NORTH_LIMIT_LAT) return kode === '3525' ? 'bawean' : 'masalembu';
  if (kode === '3529' && lon > KANGEAN_MIN_LON) return 'kangean';
  return null;
}
