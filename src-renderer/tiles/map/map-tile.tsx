import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MapTile as MapTileConfig } from '../../../src-shared/domain';
import type { MapLayer, NamedMapView, UnitSeat } from '../../../src-shared/map';
import { mapViewName } from '../../../src-shared/map';
import { TileFrame } from '../../components/tile-frame';
import { TileMessage } from '../../components/tile-message';
import { titleIn } from '../../i18n/data-text';
import { useLanguage, useT } from '../../i18n/use-t';
import { useAppInfoStore } from '../../stores/app-info-store';
import { useWallInteractionStore } from '../../stores/wall-interaction-store';
import { useWallStore } from '../../stores/wall-store';
import { wallCommand } from '../../wall/wall-actions';
import { BASEMAP_ATTRIBUTION, BASEMAP_URLS, PROVINCE_BOXES } from './basemap-assets';
import { MapController, type MapHome } from './map-controller';
import { FollowCallout } from './follow-callout';
import { MapLegend } from './map-legend';
import { registerMapController } from './map-registry';
import { mapStyle } from './map-style';
import { mapLibraryReady } from './maplibre-setup';
import { useDeploymentMap } from './use-deployment-map';
import { useFollow } from './use-follow';
import { useLiveLayers } from './use-live-layers';

const NO_VIEWS: readonly NamedMapView[] = [];
const NO_SEATS: readonly UnitSeat[] = [];

/** Where a view rests: the province fits the mainland with Côn Đảo in the inset; others their own box. */
export function homeOf(view: MapTileConfig['view'], views: readonly NamedMapView[]): MapHome {
  if (view === 'province') return { bbox: PROVINCE_BOXES.provinceView, inset: PROVINCE_BOXES.conDao };
  if ('bbox' in view) return { bbox: view.bbox, inset: null };
  const named = views.find((v) => v.id === view.named);
  return named ? { bbox: named.bbox, inset: null } : { bbox: PROVINCE_BOXES.provinceView, inset: PROVINCE_BOXES.conDao };
}

/** Markers and labels grow with the tile, so a map enlarged on a 4K wall reads from the back of the room. */
function markerScale(element: HTMLElement): number {
  return Math.min(2.6, Math.max(1, Math.min(element.clientWidth, element.clientHeight) / 480));
}

/**
 * A map of the province on the wall (issue 10): the basemap that ships with the app, the
 * deployment's MBTiles overlay, and live cameras, alerts, reports, stations and units from the hub.
 * The operator's view (the console's `map.show-view`) and a pinned alert come from the wall view.
 */
export function MapTile({ tile }: { tile: MapTileConfig }) {
  const t = useT();
  const language = useLanguage();
  const canvasRef = useRef<HTMLDivElement | null>(null);
  const insetRef = useRef<HTMLDivElement | null>(null);
  const [controller, setController] = useState<MapController | null>(null);
  const [status, setStatus] = useState<{ kind: 'loading' | 'ready' | 'error'; error?: string }>({ kind: 'loading' });
  const views = useAppInfoStore((s) => s.info?.map?.views ?? NO_VIEWS);
  const seats = useAppInfoStore((s) => s.info?.map?.unitSeats ?? NO_SEATS);
  const deployment = useDeploymentMap();
  const mapState = useWallStore((s) => s.view?.maps[tile.id]);
  const view = mapState?.view ?? tile.view;
  const home = useMemo(() => homeOf(view, views), [view, views]);
  const homeKey = JSON.stringify(home);
  const layersKey = tile.layers.join(',');
  const overlayKey = deployment.overlay ? deployment.overlay.tileJsonUrl : '';
  const picked = useWallInteractionStore((s) => (s.mapCamera?.tileId === tile.id ? s.mapCamera.cameraId : null));
  const selected = useWallInteractionStore((s) => s.selectedTileId === tile.id);

  // The map is built once per tile, layer set and overlay; a view change only moves it.
  useEffect(() => {
    const container = canvasRef.current;
    if (!container || !deployment.loaded) return;
    let made: MapController | null = null;
    let unregister = (): void => undefined;
    let cancelled = false;
    setStatus({ kind: 'loading' });
    mapLibraryReady()
      .then(() => {
        if (cancelled) return;
        const shown = layersKey.split(',') as MapLayer[];
        made = new MapController({
          container,
          insetContainer: insetRef.current,
          style: mapStyle(BASEMAP_URLS, deployment.overlay, shown, markerScale(container)),
          home: JSON.parse(homeKey) as MapHome,
          onCameraClick: (cameraId, open) => {
            useWallInteractionStore.getState().selectMapCamera({ tileId: tile.id, cameraId });
            const wallId = useWallStore.getState().view?.wall.id;
            if (open && wallId) wallCommand({ name: 'map.open-camera', payload: { wallId, tileId: tile.id, cameraId } }, cameraId);
          },
          onError: (message) => console.warn(`[map ${tile.id}] ${message}`),
          onFirstRender: () => setStatus({ kind: 'ready' }),
          padding: () => {
            const legend = container.parentElement?.querySelector<HTMLElement>('.map-legend');
            const edge = Math.round(Math.min(container.clientWidth, container.clientHeight) * 0.05);
            const room = legend && legend.offsetWidth < container.clientWidth / 2 ? legend.offsetWidth + edge : edge;
            return { top: edge, right: room, bottom: edge, left: edge };
          },
        });
        unregister = registerMapController(tile.id, made);
        setController(made);
      })
      .catch((error: unknown) => setStatus({ kind: 'error', error: error instanceof Error ? error.message : String(error) }));
    return () => {
      cancelled = true;
      unregister();
      made?.destroy();
      setController(null);
    };
    // homeKey is read once here; later changes go through setHome below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tile.id, layersKey, overlayKey, deployment.loaded]);

  useEffect(() => controller?.setHome(JSON.parse(homeKey) as MapHome, insetRef.current), [controller, homeKey]);
  useEffect(() => controller?.selectCamera(picked), [controller, picked]);
  useLiveLayers(controller, tile, seats, deployment.units);
  const follow = useFollow(controller, tile, mapState?.followAlertId ?? null);
  const onStale = useCallback((layer: MapLayer, stale: boolean) => controller?.setFaded(layer, stale), [controller]);
  const unitNames = useMemo(() => (deployment.units ? deployment.units.features.map((f) => f.properties.name) : seats.map((s) => s.name)), [deployment.units, seats]);

  const title = titleIn(tile, language) ?? t('map.title');
  const viewName = mapViewName(view, views, language);
  return (
    <TileFrame tile={tile} accent="#3b82f6" eyebrow={viewName} title={title} ageText="" freshness="fresh" staleMark={false}>
      <div className="map-tile" data-map-status={status.kind} data-map-view={typeof view === 'string' ? view : 'named' in view ? view.named : 'bbox'} data-following={follow.alert?.id}>
        <div className="map-tile__canvas" ref={canvasRef} />
        {home.inset ? (
          <div className="map-tile__inset-frame">
            <div className="map-tile__inset" ref={insetRef} />
            <span className="map-tile__inset-label">
              <strong>{t('map.inset')}</strong> {t('map.inset.distance')}
            </span>
          </div>
        ) : null}
        <MapLegend tile={tile} unitNames={unitNames} onStale={onStale} />
        {follow.alert ? <FollowCallout alert={follow.alert} state={follow.state} /> : null}
        {selected && tile.layers.includes('cameras') ? <div className="map-tile__hint">{t('map.select.hint')}</div> : null}
        <div className="map-tile__attribution">{[BASEMAP_ATTRIBUTION, deployment.overlay?.attribution].filter(Boolean).join(' · ')}</div>
        {status.kind === 'loading' ? <div className="map-tile__overlay"><TileMessage text={t('map.loading')} tone="muted" /></div> : null}
        {status.kind === 'error' ? <div className="map-tile__overlay"><TileMessage text={t('map.failed', { error: status.error ?? '' })} tone="warn" /></div> : null}
      </div>
    </TileFrame>
  );
}
