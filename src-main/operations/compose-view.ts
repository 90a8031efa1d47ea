import type { Layout, Wall } from '../../src-shared/domain';
import type { Rule } from '../../src-shared/operations-config';
import { FOCUS_TILE_ID, type TakeoverView, type TourView, type WallView } from '../../src-shared/wall-view';
import type { ActiveTakeover } from './takeover-book';
import { applyPushes, type AlertSummary, type WallBase } from './wall-base';

export interface ComposeInput {
  wall: Wall;
  base: WallBase;
  layouts: ReadonlyMap<string, Layout>;
  /** The rule takeover of this wall, if any, with its rule and what its alert said. */
  takeover?: { active: ActiveTakeover; rule: Rule | undefined; alert: AlertSummary | undefined };
  tours: Readonly<Record<string, TourView>>;
}

function takeoverView(active: ActiveTakeover, rule: Rule | undefined, alert: AlertSummary | undefined): TakeoverView {
  return {
    id: active.id,
    ruleId: active.ruleId,
    ruleName: rule?.name ?? active.ruleId,
    ...(rule?.nameEn ? { ruleNameEn: rule.nameEn } : {}),
    alertId: active.alertId,
    alertText: alert?.text ?? active.alertId,
    ...(alert?.textEn ? { alertTextEn: alert.textEn } : {}),
    severity: active.severity,
    district: alert?.district ?? '',
    startedAt: new Date(active.startedAt).toISOString(),
    revertAt: active.revertAt === null ? null : new Date(active.revertAt).toISOString(),
    pinned: active.pinned,
  };
}

/** A camera over the whole wall: the layout's own tile when one shows it (it keeps its player), else the focus tile. */
function enlargeCamera(layout: Layout, cameraId: string): Pick<WallView, 'enlargedTileId' | 'focus'> {
  const onLayout = layout.tiles.find((t) => t.kind === 'camera' && t.cameraId === cameraId);
  if (onLayout) return { enlargedTileId: onLayout.id, focus: null };
  return {
    enlargedTileId: FOCUS_TILE_ID,
    focus: { id: FOCUS_TILE_ID, kind: 'camera', cameraId, area: { col: 1, row: 1, colSpan: layout.cols, rowSpan: layout.rows } },
  };
}

/**
 * What a wall shows: its base (layout, pushes, enlarged tile), and over it a rule's takeover (a
 * layout, the alert's camera in a tile, or enlarged over the wall). Pure; the host calls it after
 * every change and sends the result when it differs from what the wall has.
 */
export function composeView(input: ComposeInput): WallView {
  const { wall, base, layouts } = input;
  const takeover = input.takeover;
  const action = takeover?.rule?.action;
  const cameraId = takeover?.active.cameraId;
  const layoutId = action?.kind === 'layout' ? action.layoutId : base.layoutId;
  const baseLayout = layouts.get(layoutId) ?? layouts.get(base.layoutId);
  if (!baseLayout) throw new Error(`wall ${wall.id}: no layout "${layoutId}"`);
  // The base's pushes belong to the base's layout; a takeover with its own layout starts clean.
  const pushes = { ...(baseLayout.id === base.layoutId ? base.pushes : {}) };
  let enlarged: WallBase['enlarged'] = baseLayout.id === base.layoutId ? base.enlarged : null;
  const maps: WallView['maps'] = { ...(baseLayout.id === base.layoutId ? base.maps : {}) };
  if (takeover && action?.kind === 'map') {
    // The rule's map follows the alert for as long as the takeover lasts; the operator's view stays under it.
    maps[action.tileId] = { ...maps[action.tileId], followAlertId: takeover.active.alertId };
  } else if (takeover && cameraId !== undefined && action) {
    const tileId = action.kind === 'layout' ? action.cameraTileId : action.tileId;
    if (tileId !== undefined && baseLayout.tiles.some((t) => t.id === tileId)) {
      pushes[tileId] = { kind: 'camera', cameraId };
      // The takeover's tile shows, not something the operator had enlarged before.
      enlarged = null;
    } else if (action.kind === 'camera') {
      enlarged = { cameraId };
    }
  }
  const { layout, pushedTileIds } = applyPushes(baseLayout, pushes);
  let shown: Pick<WallView, 'enlargedTileId' | 'focus'> = { enlargedTileId: null, focus: null };
  if (enlarged && 'cameraId' in enlarged) shown = enlargeCamera(layout, enlarged.cameraId);
  else if (enlarged && layout.tiles.some((t) => t.id === enlarged.tileId)) shown = { enlargedTileId: enlarged.tileId, focus: null };
  return {
    wall: { ...wall, layoutId: layout.id },
    layout,
    pushedTileIds,
    ...shown,
    takeover: takeover ? takeoverView(takeover.active, takeover.rule, takeover.alert) : null,
    tours: { ...input.tours },
    maps,
    source: takeover ? { kind: 'rule', id: takeover.active.ruleId } : base.source,
  };
}
