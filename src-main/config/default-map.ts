import type { NamedMapView } from '../../src-shared/map';

/**
 * The map views an operator of this province asks for most; a deployment adds its own in
 * `map.views`, and names its wards and communes in `map.unitSeats` or `map.unitsFile`.
 */
export const DEFAULT_MAP_VIEWS: NamedMapView[] = [
  { id: 'vung-tau', name: 'Vũng Tàu', bbox: [107.03, 10.31, 107.2, 10.44] },
  { id: 'phu-my', name: 'Phú Mỹ', bbox: [106.97, 10.5, 107.16, 10.69] },
  { id: 'xuyen-moc', name: 'Xuyên Mộc', bbox: [107.28, 10.42, 107.6, 10.75] },
  { id: 'con-dao', name: 'Côn Đảo', bbox: [106.52, 8.63, 106.72, 8.78] },
];

/** The demo's units (wards, communes, the special zone since 1 July 2025), drawn at their seats. */
export { DEMO_UNIT_SEATS } from '../../src-shared/demo/demo-units';
