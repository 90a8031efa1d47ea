import landUrl from '../../../assets/map/land.geojson?url';
import placesUrl from '../../../assets/map/places.geojson?url';
import provincesUrl from '../../../assets/map/provinces.geojson?url';
import manifest from '../../../assets/map/basemap.json';
import type { Bbox } from '../../../src-shared/map';
import type { BasemapUrls } from './map-style';

/**
 * The basemap that ships with the app (`npm run build:basemap` makes it, assets/map/): Vite gives
 * each file a hashed same-origin URL, so it is cached for good and never fetched from elsewhere.
 */
export const BASEMAP_URLS: BasemapUrls = { land: landUrl, provinces: provincesUrl, places: placesUrl, covered: [manifest.boxes.mainland as Bbox, manifest.boxes.conDao as Bbox] };

/**
 * What the basemap covers (the mainland with its neighbours, and Côn Đảo), what the province view
 * fits (the mainland province itself), and Côn Đảo's box for the inset.
 */
export const PROVINCE_BOXES: { covered: readonly Bbox[]; provinceView: Bbox; conDao: Bbox } = {
  covered: [manifest.boxes.mainland as Bbox, manifest.boxes.conDao as Bbox],
  provinceView: manifest.boxes.provinceView as Bbox,
  conDao: manifest.boxes.conDao as Bbox,
};

/** What the map must credit (OpenStreetMap, Natural Earth, GeoNames), shown in its corner. */
export const BASEMAP_ATTRIBUTION: string = manifest.attribution;
