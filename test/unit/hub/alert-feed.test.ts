import { describe, expect, it } from 'vitest';
import { alertSchema, type Alert, type Camera } from '../../../src-shared/domain';
import { HubStateModel } from '../../../src-shared/hub-state-model';
import { createAlertFeed } from '../../../src-hub/demo/alert-feed';
import { seededRandom } from '../../../src-hub/demo/random';

const cameras: Camera[] = [
  { id: 'nga-tu-gieng-nuoc', name: 'Ngã tư Giếng Nước', district: 'Phường Tam Thắng', location: { lat: 10.359, lng: 107.083 }, subUrl: 'http://127.0.0.1/a.m3u8', status: 'online' },
  { id: 'ql51-phu-my', name: 'QL51 – Phú Mỹ', district: 'Phường Phú Mỹ', subUrl: 'http://127.0.0.1/b.m3u8', status: 'online' },
];

describe('demo alert feed', () => {
  it('traffic alerts name the camera that sees them (for camera tours), and stay valid alerts', () => {
    const alerts: Alert[] = [];
    const start = Date.parse('2026-11-24T01:00:00Z');
    const feed = createAlertFeed(
      { random: seededRandom(7), emit: (_dept, _topic, record) => alerts.push(record as Alert), state: new HubStateModel(), seedHistory: true, startedAt: start },
      5,
      cameras,
    );
    for (let t = 0; t < 3_600; t += 5) feed.tick(start + t * 1000);
    alerts.forEach((alert) => expect(alertSchema.safeParse(alert).success).toBe(true));
    const atCamera = alerts.filter((a) => a.cameraId !== undefined);
    expect(atCamera.length).toBeGreaterThan(5);
    for (const alert of atCamera) {
      const camera = cameras.find((c) => c.id === alert.cameraId)!;
      expect(alert.subsystem).toBe('camera');
      expect(alert.text).toContain(camera.name);
      expect(alert.location.district).toBe(camera.district);
    }
    expect(alerts.some((a) => a.cameraId === undefined)).toBe(true);
  });
});
