// Reads the 168 MB world land file one feature at a time. JSON.parse of the whole file would hold
// gigabytes of objects; the file writes one feature per line, so only the largest line (Russia,
// 30 MB) is in memory at once and only the polygons near the boxes are kept.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { polygonsOf, type Rings } from './clip';
import { boxesMeet, boxOf, type Box } from './boxes';

const HEADER = '{"type":"FeatureCollection", "features": [';
const FOOTER = ']}';

/**
 * The land polygons, of any country, whose outer ring comes near one of the boxes, without holes.
 *
 * The holes are inland water at a far coarser detail than the coast: channels and reservoirs drawn as
 * staircases on the grid the source was processed in (corners on latitudes 0.043° apart), and small
 * triangles left by it. Drawn, they read as noise; the basemap's land is its outline.
 */
export async function readLandNear(file: string, boxes: readonly Box[]): Promise<Rings[]> {
  const kept: Rings[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  let footerSeen = false;
  for await (const line of lines) {
    lineNo += 1;
    if (lineNo === 1) {
      if (line !== HEADER) throw new Error(`${file}: line 1 is not the FeatureCollection header this reader expects`);
      continue;
    }
    if (line === FOOTER) {
      footerSeen = true;
      continue;
    }
    if (footerSeen) throw new Error(`${file}:${lineNo}: text after the end of the collection`);
    const feature = JSON.parse(line.replace(/,\s*$/, '')) as Feature<Polygon | MultiPolygon>;
    if (feature.type !== 'Feature' || !feature.geometry) throw new Error(`${file}:${lineNo}: not a Feature`);
    for (const rings of polygonsOf(feature.geometry)) {
      const outer = rings[0];
      if (outer && boxes.some((box) => boxesMeet(boxOf(outer), box))) kept.push([outer]);
    }
  }
  if (!footerSeen) throw new Error(`${file}: ends before the collection closes`);
  return kept;
}
