/**
 * Stands in for ECharts' GeoSVGResource, the code behind maps registered from an SVG document
 * (parseSVG, parseXML and the SVG region builder: ~4 kB brotli on every page with a map). Dampak
 * registers its maps from GeoJSON only (charts/options/choropleth.ts), so that code never runs;
 * vite.config.ts swaps this module in. Registering an SVG map fails loudly instead of silently.
 */
export class GeoSVGResource {
  constructor(mapName: string) {
    throw new Error(`ECharts SVG maps are not bundled (map "${mapName}"): register GeoJSON (src/lib/charts/no-svg-maps.ts)`);
  }
}
