/**
 * The programme page's map: coverage per region on the shared Jawa Timur choropleth (one
 * sequential palette, hatched no-data regions), classified with Jenks breaks.
 */
import type { EChartsOption } from 'echarts';
import { classify } from '../../map/classify';
import { sequentialPalette } from '../../map/palette';
import type { MapLayout } from '../../map/projection';
import { choroplethOption, type RegionValue } from './choropleth';

export interface CoverageMapInput {
  layout: MapLayout;
  values: RegionValue[];
  selected: string | null;
  mapName: string;
  noDataLabel: string;
  format: (v: number) => string;
  unit: string;
}

/** At most five classes; fewer when there are fewer distinct values (e.g. a programme in 13 regions). */
export function coverageMapOption(d: CoverageMapInput): EChartsOption {
  const distinct = new Set(d.values.map((v) => v.value).filter((v): v is number => v !== null)).size;
  const classes = classify(
    d.values.map((v) => v.value),
    Math.max(1, Math.min(5, distinct)),
    'jenks'
  );
  return choroplethOption({
    features: d.layout.features,
    insets: d.layout.insets,
    width: d.layout.width,
    height: d.layout.height,
    values: d.values,
    classes,
    palette: sequentialPalette(classes.k),
    noDataLabel: d.noDataLabel,
    showLabels: true,
    selected: d.selected ?? undefined,
    mapName: d.mapName,
    format: d.format,
    unit: d.unit
  });
}
