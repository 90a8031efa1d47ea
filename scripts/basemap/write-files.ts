// Writing the basemap files so the same input gives the same bytes: fixed key order, no timestamps,
// one feature per line (a rebuild's diff then shows which features changed).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';

/** A FeatureCollection as text: compact JSON, one feature per line, a final newline. */
export function featureCollectionText(features: readonly Feature[]): string {
  const lines = features.map((feature) => JSON.stringify({ type: 'Feature', properties: feature.properties, geometry: feature.geometry }));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/** What the manifest says of one written file. */
export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
  features: number;
}

/** Writes a GeoJSON file into `dir`; returns its manifest entry. */
export function writeGeoJson(dir: string, name: string, features: readonly Feature[]): WrittenFile {
  const text = featureCollectionText(features);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), text);
  const bytes = Buffer.byteLength(text);
  return { path: name, bytes, sha256: createHash('sha256').update(text).digest('hex'), features: features.length };
}

/** Writes the manifest as indented JSON (it is read by people too). */
export function writeManifest(dir: string, manifest: unknown): void {
  writeFileSync(join(dir, 'basemap.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
