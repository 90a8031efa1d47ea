import type { viOutage } from './vi-outage';

/** English strings of the outage state: the wall's band, and why a camera has no picture. */
export const enOutage: { readonly [K in keyof typeof viOutage]: string } = {
  'outage.hub': 'Lost connection to the data server at {time}',
  'outage.host': 'Lost connection to the app server at {time}',
  'outage.hub.noTime': 'Lost connection to the data server',
  'outage.host.noTime': 'Lost connection to the app server',
  'outage.cached': 'showing cached data',
  'outage.noCache': 'no cached data yet',
  'outage.duration': 'Down for {duration}',
  'outage.reconnecting': 'Reconnecting automatically',

  'camera.cause.camera.badge': 'Camera offline',
  'camera.cause.camera': 'Camera offline',
  'camera.cause.camera.registry': 'The operations centre lists this camera as out of service',
  'camera.cause.camera.status': 'The media server has no signal from this camera · retrying',
  'camera.cause.media.badge': 'Media link lost',
  'camera.cause.media': 'Cannot reach the media server',
  'camera.cause.media.detail': 'The camera may still be working · reconnecting',
  'camera.cause.host.badge': 'App server down',
  'camera.cause.host': 'Lost connection to the app server',
  'camera.cause.host.detail': 'The picture comes back by itself once the connection returns',
};
