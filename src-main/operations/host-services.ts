import { both, namesOf, type Bilingual } from '../../src-shared/bilingual';
import type { Alert, Language, Layout, Wall } from '../../src-shared/domain';
import type { HubAlertAck, HubAlertAckResult } from '../../src-shared/hub-protocol';
import type { Logger } from '../../src-shared/node/log';
import type { AppConfig } from '../config/load-config';
import type { SnapshotStore } from '../snapshots/snapshot-store';
import { CommandError } from './dispatch';

/** What the host knows of the hub that commands and rules need: alerts, and a way to acknowledge one. */
export interface HubPort {
  alert(alertId: string): Alert | undefined;
  alerts(): Alert[];
  /** A camera's or KPI's name as the hub's registry gives it (the KPI's in this language), for the console's log; the id when unknown. */
  nameOf(kind: 'camera' | 'kpi', id: string, language: Language): string;
  acknowledgeAlert(request: HubAlertAck): Promise<HubAlertAckResult>;
}

/** The shell's own actions (windows): Electron brings the console forward; both modes reload walls. */
export interface ShellPort {
  /** False when this host has no console window of its own (browser mode). */
  focusConsole(): boolean;
  reloadWalls(): void;
  /** Quits the app (Electron); false when this host cannot (browser mode: the kiosks belong to their PCs). */
  quit(): boolean;
}

/** What the admin's commands reach: the config file, read again. */
export interface AdminPort {
  /** Reads the config file again; accounts take effect now, the parts that need a restart are named. */
  reloadConfig(): Promise<{ operators: number; needsRestart: string[] }>;
}

/** Everything command handlers use besides the state draft. */
export interface HostServices {
  readonly config: AppConfig;
  readonly layouts: ReadonlyMap<string, Layout>;
  /** The UI language now: the operators' choice, else the config's (it changes with app.set-language). */
  readonly language: Language;
  now(): number;
  readonly log: Logger;
  readonly hub: HubPort;
  readonly snapshots: SnapshotStore;
  readonly shell: ShellPort;
  readonly admin: AdminPort;
}

export function wallOf(services: HostServices, wallId: string): Wall {
  const wall = services.config.walls.find((w) => w.id === wallId);
  if (!wall) throw new CommandError(`no wall with id "${wallId}"`);
  return wall;
}

export function layoutOf(services: HostServices, layoutId: string): Layout {
  const layout = services.layouts.get(layoutId);
  if (!layout) throw new CommandError(`no layout with id "${layoutId}"`);
  return layout;
}

/** The name of a preset, layout, agenda or wall for the console's labels, in both languages; the id when it has none. */
export function nameOf(services: HostServices, kind: 'preset' | 'layout' | 'agenda' | 'wall', id: string): Bilingual {
  const { config } = services;
  const list: ReadonlyArray<{ id: string; name: string; nameEn?: string | undefined }> =
    kind === 'preset' ? config.presets : kind === 'layout' ? config.layouts : kind === 'agenda' ? config.agendas : config.walls;
  const item = list.find((entry) => entry.id === id);
  return item ? namesOf(item) : both(id, id);
}

/** A camera's or KPI's name as the hub gives it, in both languages (a camera's reads the same in both). */
export function hubNameOf(services: HostServices, kind: 'camera' | 'kpi', id: string): Bilingual {
  return both(services.hub.nameOf(kind, id, 'vi'), services.hub.nameOf(kind, id, 'en'));
}
