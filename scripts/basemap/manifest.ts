// The manifest the renderer reads before the GeoJSON: where the two views are, what to credit, and
// which files make up the basemap (with sizes, which a test checks against the files).
import { BOXES, PROVINCE_VIEW_BOX, type Box } from './boxes';
import { sourceSpec, type BasemapSource } from './sources';
import type { WrittenFile } from './write-files';

export interface BasemapManifest {
  /** Bumped when the shape of the files changes. */
  format: 1;
  rebuild: string;
  /** [west, south, east, north]: the province view and the Côn Đảo inset. */
  /** mainland and conDao: what the basemap covers; provinceView: what the province view fits. */
  boxes: { mainland: Box; conDao: Box; provinceView: Box };
  /** The one line to show on the map. */
  attribution: string;
  sources: { package: string; licence: string; attribution: string; usedFor: string[] }[];
  notes: string[];
  files: WrittenFile[];
}

/** Which output files each source feeds. */
const USED_FOR: Readonly<Record<BasemapSource['id'], string[]>> = {
  land: ['land.geojson', 'provinces.geojson'],
  provinces: ['provinces.geojson'],
  places: ['places.geojson'],
};

export function buildManifest(sources: readonly BasemapSource[], files: WrittenFile[]): BasemapManifest {
  return {
    format: 1,
    rebuild: 'npm run build:basemap',
    boxes: { mainland: BOXES.mainland, conDao: BOXES.conDao, provinceView: PROVINCE_VIEW_BOX },
    attribution: sources.map((source) => source.attribution).join(' · '),
    sources: sources.map((source) => ({ package: sourceSpec(source), licence: source.licence, attribution: source.attribution, usedFor: USED_FOR[source.id] })),
    notes: [
      'Province outlines are the 63 provinces before 1 July 2025 (Resolution 202/2025/QH15 merged them into 34; Bà Rịa – Vũng Tàu is now part of Ho Chi Minh City). former: true marks a unit that no longer exists; focus: true the province of interest.',
      'In the Côn Đảo box the focus province is the OpenStreetMap land (Natural Earth files Côn Sơn under Sóc Trăng and skips the other islands).',
      'Natural Earth province lines and the OpenStreetMap coastline differ by up to a few hundred metres: draw the coast from land.geojson.',
      'Place kind comes from the Vietnamese name prefix (Thành phố, Thị trấn, Xã…); GeoNames gives no population for these places.',
    ],
    files,
  };
}
