import { randomBytes } from 'node:crypto';
import type { HubTopic } from '../../src-shared/hub-protocol';
import type { SubsystemId } from '../../src-shared/subsystems';
import type { Department } from '../ingest/department';

/**
 * The departments of Bà Rịa–Vũng Tàu that feed the demo hub, each with the topics and subsystems it
 * owns — the same split a real deployment configures, so the demo exercises the permissions too.
 */
export const DEMO_DEPARTMENTS = [
  { id: 'ubnd-pvhcc', name: 'Văn phòng UBND tỉnh – Trung tâm Phục vụ hành chính công', topics: ['kpi', 'dossier-counts'], subsystems: ['public-admin'] },
  { id: 'so-tttt', name: 'Sở Thông tin và Truyền thông', topics: ['kpi', 'security-event', 'social-mention', 'camera'], subsystems: ['infosec', 'social-media', 'camera'] },
  { id: 'so-y-te', name: 'Sở Y tế', topics: ['kpi'], subsystems: ['health'] },
  { id: 'so-gddt', name: 'Sở Giáo dục và Đào tạo', topics: ['kpi'], subsystems: ['education'] },
  { id: 'so-du-lich', name: 'Sở Du lịch', topics: ['kpi'], subsystems: ['tourism'] },
  { id: 'so-tnmt', name: 'Sở Tài nguyên và Môi trường', topics: ['kpi', 'environment'], subsystems: ['environment'] },
  { id: 'so-khdt', name: 'Sở Kế hoạch và Đầu tư', topics: ['kpi'], subsystems: ['socio-economic'] },
  { id: 'tt-pakn', name: 'Trung tâm tiếp nhận phản ánh kiến nghị', topics: ['kpi', 'citizen-report'], subsystems: ['citizen-feedback'] },
  // The IOC operations team raises alerts and defines KPIs for every subsystem.
  { id: 'ioc-van-hanh', name: 'Tổ vận hành Trung tâm IOC', topics: ['alert', 'kpi-definition'] },
] as const satisfies ReadonlyArray<Omit<Department, 'apiKey' | 'topics' | 'subsystems'> & { topics: readonly HubTopic[]; subsystems?: readonly SubsystemId[] }>;

export type DemoDepartmentId = (typeof DEMO_DEPARTMENTS)[number]['id'];

/** The demo departments with fresh random API keys: the simulator knows them, nobody else does. */
export function createDemoDepartments(): Department[] {
  return DEMO_DEPARTMENTS.map((d) => ({
    id: d.id,
    name: d.name,
    apiKey: `demo-${d.id}-${randomBytes(18).toString('base64url')}`,
    topics: [...d.topics],
    ...('subsystems' in d ? { subsystems: [...d.subsystems] } : {}),
  }));
}

/** The department that reports a subsystem's KPIs. */
export function kpiDepartment(subsystem: SubsystemId): DemoDepartmentId {
  const owner = DEMO_DEPARTMENTS.find((d) => 'subsystems' in d && (d.subsystems as readonly SubsystemId[]).includes(subsystem));
  if (!owner) throw new Error(`no demo department reports subsystem ${subsystem}`);
  return owner.id;
}
