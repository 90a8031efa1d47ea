import { z } from 'zod';

/**
 * The ten IOC subsystems the province runs.
 * Order follows the province's own list, so console menus and colour legends keep one order.
 */
export const SUBSYSTEM_IDS = [
  'public-admin',
  'infosec',
  'social-media',
  'health',
  'education',
  'tourism',
  'environment',
  'socio-economic',
  'citizen-feedback',
  'camera',
] as const;

export const subsystemIdSchema = z.enum(SUBSYSTEM_IDS);
export type SubsystemId = z.infer<typeof subsystemIdSchema>;

export interface SubsystemInfo {
  id: SubsystemId;
  vi: string;
  en: string;
  /** Accent colour for the tile header; chosen to stay distinct on a dark wall. */
  color: string;
}

export const SUBSYSTEMS: Readonly<Record<SubsystemId, SubsystemInfo>> = {
  'public-admin': { id: 'public-admin', vi: 'Dịch vụ hành chính công', en: 'Public administration', color: '#4f9dff' },
  infosec: { id: 'infosec', vi: 'An toàn thông tin', en: 'Information security', color: '#ff6b6b' },
  'social-media': { id: 'social-media', vi: 'Giám sát mạng xã hội', en: 'Social-media monitoring', color: '#c084fc' },
  health: { id: 'health', vi: 'Y tế', en: 'Health', color: '#34d399' },
  education: { id: 'education', vi: 'Giáo dục', en: 'Education', color: '#fbbf24' },
  tourism: { id: 'tourism', vi: 'Du lịch', en: 'Tourism', color: '#22d3ee' },
  environment: { id: 'environment', vi: 'Tài nguyên & Môi trường', en: 'Natural resources & environment', color: '#84cc16' },
  'socio-economic': { id: 'socio-economic', vi: 'Chỉ tiêu KT-XH', en: 'Socio-economic indicators', color: '#f97316' },
  'citizen-feedback': { id: 'citizen-feedback', vi: 'Phản ánh kiến nghị', en: 'Citizen feedback', color: '#f472b6' },
  camera: { id: 'camera', vi: 'Camera giám sát', en: 'Camera surveillance', color: '#94a3b8' },
};
