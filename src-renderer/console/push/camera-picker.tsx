import { useId, useMemo } from 'react';
import type { Camera, Language } from '../../../src-shared/domain';
import type { OperatorWall } from '../../../src-shared/operator-state';
import { matchesSearch } from '../../format/search-text';
import { nameIn, unitNameIn } from '../../i18n/data-text';
import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';
import { useCameraStore } from '../../stores/camera-store';
import { useConnectionStore } from '../../stores/connection-store';
import { useOperatorStore } from '../../stores/operator-store';
import { currentRecords } from '../../stores/topic-table';
import { usePushDraftStore } from './push-draft-store';

const NO_WALLS: OperatorWall[] = [];

/** Names of the walls that show a camera now (on a tile, a tour's current camera, or enlarged over the wall). */
function wallsShowing(walls: readonly OperatorWall[], cameraId: string, language: Language): string[] {
  return walls
    .filter(({ view }) => view.focus?.cameraId === cameraId || Object.values(view.tours).some((tour) => tour.cameraId === cameraId) || view.layout.tiles.some((tile) => tile.kind === 'camera' && tile.cameraId === cameraId))
    .map(({ view }) => nameIn(view.wall, language));
}

/** Every camera of the hub's registry, found by name, district or id, with or without Vietnamese marks. */
export function CameraPicker() {
  const t = useT();
  const locale = localeOf(useLanguage());
  const inputId = useId();
  const table = useCameraStore((s) => s.table);
  const hubLoaded = useConnectionStore((s) => s.hubLoaded);
  const walls = useOperatorStore((s) => s.state?.walls ?? NO_WALLS);
  const query = usePushDraftStore((s) => s.cameraQuery);
  const chosen = usePushDraftStore((s) => (s.source === 'camera' ? s.cameraId : null));
  const all = useMemo(() => [...currentRecords(table)].sort((a, b) => a.name.localeCompare(b.name, locale)), [table, locale]);
  const found = useMemo(() => all.filter((camera: Camera) => matchesSearch(query, [camera.name, camera.district, camera.id])), [all, query]);
  return (
    <div className="picker">
      <label htmlFor={inputId} className="picker__label">
        {t('desk.push.cameraSearch')}
      </label>
      <input
        id={inputId}
        type="search"
        className="desk-input"
        value={query}
        placeholder={t('desk.push.cameraPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        data-search="camera"
        onChange={(event) => usePushDraftStore.getState().searchCameras(event.target.value)}
      />
      <p className="picker__count" aria-live="polite">
        {!hubLoaded ? t('desk.loading') : all.length === 0 ? t('desk.push.noCameras') : found.length === 0 ? t('desk.push.noMatch', { query }) : t('desk.push.cameraCount', { n: found.length, total: all.length })}
      </p>
      <ul className="picker__list" aria-label={t('desk.push.cameraResults')}>
        {found.map((camera) => {
          const on = wallsShowing(walls, camera.id, t.language);
          return (
            <li key={camera.id}>
              <button
                type="button"
                className="picker__item"
                data-camera-id={camera.id}
                data-status={camera.status}
                aria-pressed={chosen === camera.id}
                onClick={() => usePushDraftStore.getState().chooseCamera(chosen === camera.id ? null : camera.id)}
              >
                <span className="picker__name">{camera.name}</span>
                <span className="picker__meta">
                  {camera.district ? unitNameIn(camera.district, t.language) : t('desk.push.noDistrict')}
                  {' · '}
                  <span className="picker__status" data-status={camera.status}>
                    {t(camera.status === 'online' ? 'desk.camera.online' : 'desk.camera.offline')}
                  </span>
                </span>
                {on.length > 0 ? <span className="picker__on">{t('desk.push.onWalls', { walls: on.join(', ') })}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
