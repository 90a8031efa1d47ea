import { describe, expect, it } from 'vitest';
import type { Alert, CitizenReport, EnvironmentReading } from '../../../src-shared/domain';
import { aqiBand } from '../../../src-shared/map';
import { alertFeatures, cameraFeatures, cameraMapState, reportFeatures, RESOLVED_REPORT_SHOWN_MS, stationFeatures, unitFeatures, unknownUnits } from '../../../src-renderer/tiles/map/map-features';
import { pickInDirection } from '../../../src-renderer/tiles/map/camera-pick';
import { camera, citizenReport, feedItem } from '../../helpers/hub-messages';

const P = { lat: 10.35, lng: 107.08 };
const seat = { name: 'TP. Bà Rịa', lat: 10.5, lng: 107.17 };

describe('map layers from hub records', () => {
  it('colours a camera by what its tile sees first, then by the hub registry', () => {
    const cam = { ...camera('c1'), location: P };
    expect(cameraMapState(cam, 'live')).toBe('live');
    expect(cameraMapState(cam, 'stalled')).toBe('trouble');
    expect(cameraMapState(cam, 'error')).toBe('trouble');
    expect(cameraMapState(cam, undefined)).toBe('idle');
    expect(cameraMapState({ ...cam, status: 'offline' }, undefined)).toBe('offline');
    expect(cameraMapState({ ...cam, status: 'offline' }, 'live')).toBe('live');
    const fc = cameraFeatures([cam, camera('no-place')], new Map([['c1', 'live' as const]]));
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]).toMatchObject({ id: 'c1', geometry: { coordinates: [107.08, 10.35] }, properties: { state: 'live', name: 'Camera c1' } });
  });

  it('puts alerts still being dealt with on the map, pulsing until taken, the most severe ranked highest', () => {
    const alerts: Alert[] = [
      { ...feedItem('open'), severity: 'critical', location: { district: 'X', point: P }, status: 'open' },
      { ...feedItem('taken'), severity: 'warning', location: { district: 'X', point: P }, status: 'acknowledged' },
      { ...feedItem('done'), location: { district: 'X', point: P }, status: 'resolved' },
      { ...feedItem('nowhere'), status: 'open' },
    ];
    const fc = alertFeatures(alerts);
    expect(fc.features.map((f) => [f.properties.id, f.properties.rank, f.properties.open])).toEqual([
      ['open', 2, true],
      ['taken', 1, false],
    ]);
  });

  it('draws a report without a point at its unit’s seat, and leaves out rejected and long-resolved ones', () => {
    const now = Date.parse('2025-11-24T12:00:00Z');
    const report = (id: string, over: Partial<CitizenReport>): CitizenReport => ({ ...citizenReport(id), ...over });
    const reports = [
      report('here', { location: { district: 'TP. Bà Rịa', point: P } }),
      report('seat', { location: { district: 'TP. Bà Rịa' } }),
      report('unknown-unit', { location: { district: 'Phường Mới' } }),
      report('rejected', { status: 'rejected', location: { district: 'TP. Bà Rịa', point: P } }),
      report('old', { status: 'resolved', resolvedAt: new Date(now - RESOLVED_REPORT_SHOWN_MS - 1).toISOString(), receivedAt: new Date(now - 2 * RESOLVED_REPORT_SHOWN_MS).toISOString(), location: { district: 'TP. Bà Rịa', point: P } }),
      report('today', { status: 'resolved', resolvedAt: new Date(now - 1000).toISOString(), receivedAt: new Date(now - 5000).toISOString(), location: { district: 'TP. Bà Rịa', point: P } }),
    ];
    const fc = reportFeatures(reports, new Map([[seat.name, seat]]), now);
    expect(fc.features.map((f) => [f.properties.id, f.properties.status, f.properties.atSeat, f.geometry.coordinates])).toEqual([
      ['here', 'received', false, [107.08, 10.35]],
      ['seat', 'received', true, [107.17, 10.5]],
      ['today', 'resolved', false, [107.08, 10.35]],
    ]);
  });

  it('colours stations by Vietnam’s AQI bands, a water station by its level', () => {
    expect([0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 999].map((aqi) => aqiBand(aqi).vi)).toEqual(['Tốt', 'Tốt', 'Trung bình', 'Trung bình', 'Kém', 'Kém', 'Xấu', 'Xấu', 'Rất xấu', 'Rất xấu', 'Nguy hại', 'Nguy hại']);
    const reading = (id: string, over: Partial<EnvironmentReading>): EnvironmentReading => ({ stationId: id, stationName: id, district: 'X', time: '2025-11-24T12:00:00Z', point: P, ...over });
    const fc = stationFeatures([reading('air', { aqi: 160 }), reading('water', { waterLevelCm: 212.4 }), reading('nowhere', { aqi: 20, point: undefined })]);
    expect(fc.features.map((f) => f.properties)).toEqual([
      { id: 'air', name: 'air', aqi: 160, color: '#ff0000', label: '160' },
      { id: 'water', name: 'water', aqi: -1, color: '#4a90c2', label: '212 cm' },
    ]);
  });

  it('scales unit values between the smallest and largest shown, at seats without shapes', () => {
    const seats = [seat, { name: 'TP. Vũng Tàu', lat: 10.35, lng: 107.08 }, { name: 'H. Côn Đảo', lat: 8.68, lng: 106.61 }];
    const fc = unitFeatures(null, seats, new Map([['TP. Bà Rịa', 10], ['TP. Vũng Tàu', 30]]));
    expect(fc.features.map((f) => [f.properties.name, f.geometry.type, f.properties.value, f.properties.share])).toEqual([
      ['TP. Bà Rịa', 'Point', 10, 0],
      ['TP. Vũng Tàu', 'Point', 30, 1],
      ['H. Côn Đảo', 'Point', undefined, undefined],
    ]);
    const square = { type: 'Polygon' as const, coordinates: [[[107, 10], [107.1, 10], [107.1, 10.1], [107, 10]]] };
    const shapes = unitFeatures({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square, properties: { name: 'Phường Vũng Tàu' } }] }, seats, new Map([['Phường Vũng Tàu', 4]]));
    expect(shapes.features).toEqual([{ type: 'Feature', geometry: square, properties: { name: 'Phường Vũng Tàu', value: 4, share: 0.5 } }]);
  });

  it('names the units data uses that the map does not know, once each, in NFC', () => {
    const known = new Set(['TP. Vũng Tàu']);
    expect(unknownUnits(['TP. Vũng Tàu', 'TP. Vu\u0303ng Ta\u0300u', 'Phường Mới', 'Phường Mới'], known)).toEqual(['Phường Mới']);
  });
});

describe('arrow keys on a map', () => {
  const points = [
    { id: 'left', x: 100, y: 500 },
    { id: 'right-far', x: 900, y: 500 },
    { id: 'right-near-diagonal', x: 600, y: 200 },
    { id: 'up', x: 500, y: 100 },
  ];
  const centre = { id: '', x: 500, y: 500 };
  it('moves to the nearest marker that way, favouring straight ahead over diagonal', () => {
    expect(pickInDirection(points, centre, -1, 0)).toBe('left');
    expect(pickInDirection(points, centre, 1, 0)).toBe('right-far');
    expect(pickInDirection(points, centre, 0, -1)).toBe('up');
    expect(pickInDirection(points, centre, 0, 1)).toBeNull();
    expect(pickInDirection(points, points[0]!, -1, 0)).toBeNull();
  });
});
