import type { MapLayer, MapViewRef } from '../../../src-shared/map';
import { MAP_LAYERS, sameViewRef } from '../../../src-shared/map';
import { nameIn } from '../../i18n/data-text';
import { useT } from '../../i18n/use-t';
import { useAppInfoStore } from '../../stores/app-info-store';
import { usePushDraftStore } from './push-draft-store';

/** A map to put on a tile: the province or a named view, and which live layers it shows. */
export function MapPicker() {
  const t = useT();
  const views = useAppInfoStore((s) => s.info?.map?.views);
  const chosen = usePushDraftStore((s) => (s.source === 'map' ? s.mapView : null));
  const layers = usePushDraftStore((s) => s.mapLayers);
  const draft = usePushDraftStore.getState;
  const options: { view: MapViewRef; name: string }[] = [{ view: 'province', name: t('map.view.province') }, ...(views ?? []).map((v) => ({ view: { named: v.id }, name: nameIn(v, t.language) }))];
  return (
    <div className="picker">
      <p className="picker__label">{t('map.console.push')}</p>
      <ul className="picker__list" aria-label={t('map.console.view')}>
        {options.map(({ view, name }) => {
          const pressed = chosen !== null && sameViewRef(chosen, view);
          return (
            <li key={name}>
              <button type="button" className="picker__item" data-map-view={typeof view === 'string' ? view : 'named' in view ? view.named : 'bbox'} aria-pressed={pressed} onClick={() => draft().chooseMapView(pressed ? null : view)}>
                <span className="picker__name">{name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <fieldset className="picker__options map-picker__layers">
        {MAP_LAYERS.filter((layer): layer is Exclude<MapLayer, 'units'> => layer !== 'units').map((layer) => (
          <label key={layer} className="map-picker__layer">
            <input type="checkbox" checked={layers.includes(layer)} onChange={() => draft().toggleMapLayer(layer)} data-map-layer={layer} />
            {t(`map.layer.${layer}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
