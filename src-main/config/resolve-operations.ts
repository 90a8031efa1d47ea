import type { Layout, Preset, Wall } from '../../src-shared/domain';
import type { Agenda, AgendaStep, Rule, Schedule, TilePush } from '../../src-shared/operations-config';
import { DEFAULT_AGENDAS, DEFAULT_RULES, DEFAULT_SCHEDULES } from './default-operations';

/**
 * Checks the agendas, schedules and rules against the walls, layouts and presets that exist. Each
 * reference to something missing is reported (file and field) and only the part that names it is
 * dropped, so one typo never takes a whole briefing agenda away.
 */

export interface OperationsInput {
  file: string;
  /** Whether the walls are the demo's: then absent lists fall back to the demo's own. */
  demoWalls: boolean;
  agendas: Agenda[] | undefined;
  schedules: Schedule[] | undefined;
  rules: Rule[] | undefined;
  walls: readonly Wall[];
  layouts: readonly Layout[];
  presets: readonly Preset[];
}

export interface ResolvedOperations {
  agendas: Agenda[];
  schedules: Schedule[];
  rules: Rule[];
  errors: string[];
}

function uniqueById<T extends { id: string }>(items: readonly T[], field: string, file: string, errors: string[]): T[] {
  const seen = new Set<string>();
  return items.filter((item, i) => {
    if (seen.has(item.id)) {
      errors.push(`${file}: field "${field}[${i}].id": duplicate id "${item.id}"; dropped`);
      return false;
    }
    seen.add(item.id);
    return true;
  });
}

export function resolveOperations(input: OperationsInput): ResolvedOperations {
  const { file } = input;
  const errors: string[] = [];
  const wallIds = new Set(input.walls.map((w) => w.id));
  const layoutById = new Map(input.layouts.map((l) => [l.id, l]));
  const presetIds = new Set(input.presets.map((p) => p.id));
  const wallOk = (wallId: string, field: string): boolean => {
    if (wallIds.has(wallId)) return true;
    errors.push(`${file}: field "${field}": no wall with id "${wallId}"`);
    return false;
  };
  const layoutOk = (layoutId: string, field: string): boolean => {
    if (layoutById.has(layoutId)) return true;
    errors.push(`${file}: field "${field}": no layout with id "${layoutId}"`);
    return false;
  };

  const agendaInput = input.agendas ?? (input.demoWalls ? DEFAULT_AGENDAS : []);
  const agendas = uniqueById(agendaInput, 'agendas', file, errors).flatMap((agenda, a): Agenda[] => {
    const steps = agenda.steps.flatMap((step, s): AgendaStep[] => {
      const at = `agendas[${a}].steps[${s}]`;
      const out: AgendaStep = { ...step };
      if (step.presetId !== undefined && !presetIds.has(step.presetId)) {
        errors.push(`${file}: field "${at}.presetId": no preset with id "${step.presetId}"`);
        delete out.presetId;
      }
      if (step.layouts) {
        out.layouts = Object.fromEntries(Object.entries(step.layouts).filter(([wallId, layoutId]) => wallOk(wallId, `${at}.layouts.${wallId}`) && layoutOk(layoutId, `${at}.layouts.${wallId}`)));
      }
      if (step.pushes) out.pushes = step.pushes.filter((push: TilePush, p) => wallOk(push.wallId, `${at}.pushes[${p}].wallId`));
      const empty = out.presetId === undefined && Object.keys(out.layouts ?? {}).length === 0 && (out.pushes ?? []).length === 0 && out.note === undefined;
      if (empty) errors.push(`${file}: field "${at}": the step has nothing left to show; dropped`);
      return empty ? [] : [out];
    });
    if (steps.length === 0) {
      errors.push(`${file}: field "agendas[${a}]": agenda "${agenda.name}" has no usable step; dropped`);
      return [];
    }
    return [{ ...agenda, steps }];
  });
  const agendaIds = new Set(agendas.map((a) => a.id));

  const scheduleInput = input.schedules ?? (input.demoWalls ? DEFAULT_SCHEDULES : []);
  const schedules = uniqueById(scheduleInput, 'schedules', file, errors).filter((schedule, i) => {
    if (schedule.presetId !== undefined && !presetIds.has(schedule.presetId)) {
      errors.push(`${file}: field "schedules[${i}].presetId": no preset with id "${schedule.presetId}"; schedule dropped`);
      return false;
    }
    if (schedule.agendaId !== undefined && !agendaIds.has(schedule.agendaId)) {
      errors.push(`${file}: field "schedules[${i}].agendaId": no agenda with id "${schedule.agendaId}"; schedule dropped`);
      return false;
    }
    return true;
  });

  const ruleInput = input.rules ?? (input.demoWalls ? DEFAULT_RULES : []);
  const rules = uniqueById(ruleInput, 'rules', file, errors).filter((rule, i) => {
    if (!wallOk(rule.wallId, `rules[${i}].wallId`)) return false;
    if (rule.action.kind === 'layout') {
      const layout = layoutById.get(rule.action.layoutId);
      if (!layoutOk(rule.action.layoutId, `rules[${i}].action.layoutId`)) return false;
      const tileId = rule.action.cameraTileId;
      if (tileId !== undefined && !layout!.tiles.some((t) => t.id === tileId)) {
        errors.push(`${file}: field "rules[${i}].action.cameraTileId": layout "${layout!.id}" has no tile "${tileId}"; rule dropped`);
        return false;
      }
    }
    if (rule.action.kind === 'map') {
      // A map tile of the wall's configured layout, or of any layout: the wall may be on another one when the alert comes.
      const tileId = rule.action.tileId;
      if (!input.layouts.some((layout) => layout.tiles.some((t) => t.id === tileId && t.kind === 'map'))) {
        errors.push(`${file}: field "rules[${i}].action.tileId": no layout has a map tile "${tileId}"; rule dropped`);
        return false;
      }
    }
    return true;
  });

  return { agendas, schedules, rules, errors };
}
