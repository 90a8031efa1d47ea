import { SEVERITY_RANK, type Alert } from '../../src-shared/domain';
import type { Rule } from '../../src-shared/operations-config';

/**
 * District names are typed by hand in the config and come from the hub's systems: compare them in
 * one Unicode form (Vietnamese letters may arrive composed or decomposed), trimmed, ignoring case.
 */
function districtKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('vi');
}

/** Whether `alert` is one `rule` reacts to; its status is not looked at here. */
export function ruleMatches(rule: Rule, alert: Alert): boolean {
  const m = rule.match;
  if (m.categories && !m.categories.includes(alert.category)) return false;
  if (m.subsystems && !m.subsystems.includes(alert.subsystem)) return false;
  if (m.minSeverity && SEVERITY_RANK[alert.severity] < SEVERITY_RANK[m.minSeverity]) return false;
  if (m.districts) {
    const district = districtKey(alert.location.district);
    if (!m.districts.some((d) => districtKey(d) === district)) return false;
  }
  // A camera action has nothing to show without the alert's camera.
  if ((m.needs?.includes('camera') || rule.action.kind === 'camera') && !alert.cameraId) return false;
  // A map action flies to the alert: it needs the alert's place.
  if ((m.needs?.includes('point') || rule.action.kind === 'map') && !alert.location.point) return false;
  return true;
}
