import { useId, useMemo } from 'react';
import type { MapTile } from '../../../src-shared/domain';
import type { MapViewRef } from '../../../src-shared/map';
import type { WallView } from '../../../src-shared/wall-view';
import { operatorCommand } from '../../bridge/host-actions';
import { alertTextIn, nameIn, titleIn, unitNameIn } from '../../i18n/data-text';
import { useT } from '../../i18n/use-t';
import { useAppInfoStore } from '../../stores/app-info-store';
import { useFeedStore } from '../../stores/feed-store';
import { currentRecords } from '../../stores/topic-table';
import { usePending } from '../commands/use-pending';
import { useNameBook } from '../names';

/** A view as a <select> value: "" is the layout's own, "province", or a named view's id after "named:". */
const viewValue = (view: MapViewRef | undefined): string => (view === undefined ? '' : view === 'province' ? 'province' : 'named' in view ? `named:${view.named}` : 'bbox');
const viewOf = (value: string): MapViewRef | null => (value === '' ? null : value === 'province' ? 'province' : { named: value.slice('named:'.length) });

/** One map tile of a wall: which view it shows, and which alert it follows, changed on the spot. */
function MapControls({ wallId, tile, view }: { wallId: string; tile: MapTile; view: WallView }) {
  const t = useT();
  const names = useNameBook();
  const viewId = useId();
  const followId = useId();
  const views = useAppInfoStore((s) => s.info?.map?.views);
  const state = view.maps[tile.id];
  const feed = useFeedStore((s) => s.table);
  const followable = useMemo(() => [...currentRecords(feed)].filter((a) => a.status !== 'resolved' && a.location.point).sort((a, b) => Date.parse(b.time) - Date.parse(a.time)).slice(0, 30), [feed]);
  const key = `wall:${wallId}:map:${tile.id}`;
  const pending = usePending(key);
  return (
    <div className="wall-map" data-map-tile={tile.id}>
      <span className="wall-map__name">{titleIn(tile, t.language) ?? t('map.title')}</span>
      <label htmlFor={viewId} className="wall-map__label">
        {t('map.console.view')}
      </label>
      <select id={viewId} className="desk-select" value={viewValue(state?.view)} disabled={pending} data-action="map-view" onChange={(event) => void operatorCommand(key, 'map.show-view', { wallId, tileId: tile.id, view: viewOf(event.target.value) })}>
        <option value="">{`${t('map.view.own')} (${names.mapView(tile.view)})`}</option>
        <option value="province">{t('map.view.province')}</option>
        {(views ?? []).map((v) => (
          <option key={v.id} value={`named:${v.id}`}>
            {nameIn(v, t.language)}
          </option>
        ))}
        {state?.view !== undefined && viewValue(state.view) === 'bbox' ? <option value="bbox">{names.mapView(state.view)}</option> : null}
      </select>
      <label htmlFor={followId} className="wall-map__label">
        {t('map.console.follow')}
      </label>
      <select id={followId} className="desk-select" value={state?.followAlertId ?? ''} disabled={pending} data-action="map-follow" onChange={(event) => void operatorCommand(key, 'map.follow-alert', { wallId, tileId: tile.id, alertId: event.target.value === '' ? null : event.target.value })}>
        <option value="">{t('map.console.followNone')}</option>
        {state?.followAlertId && !followable.some((a) => a.id === state.followAlertId) ? <option value={state.followAlertId}>{state.followAlertId}</option> : null}
        {followable.map((alert) => (
          <option key={alert.id} value={alert.id}>
            {`${t(`severity.${alert.severity}`)} · ${unitNameIn(alert.location.district, t.language)} · ${alertTextIn(alert, t.language)}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The wall's map tiles and their controls; nothing for a wall without a map. */
export function WallMaps({ view }: { view: WallView }) {
  const maps = view.layout.tiles.filter((tile): tile is MapTile => tile.kind === 'map');
  if (maps.length === 0) return null;
  return (
    <div className="wall-maps">
      {maps.map((tile) => (
        <MapControls key={tile.id} wallId={view.wall.id} tile={tile} view={view} />
      ))}
    </div>
  );
}
