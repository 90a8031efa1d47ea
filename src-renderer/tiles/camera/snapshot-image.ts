import type { Language } from '../../../src-shared/domain';
import { DISPLAY_TIME_ZONE } from '../../constants';
import { formatClockTime } from '../../format/time';
import { localeOf, translator } from '../../i18n/translate';

/**
 * A camera snapshot for the briefing minutes: the frame on screen at full resolution, with a band
 * along the bottom saying which camera, when (Vietnam time) and where it was taken, so the picture
 * still says what it is once it is pasted into a document.
 */

export interface SnapshotStamp {
  cameraName: string;
  district?: string;
  takenAt: Date;
  wallName?: string;
  language: Language;
}

/** What the band says, line by line; exported so the wording can be checked without pixels. */
export interface StampText {
  /** Camera name · district, bold on the left. */
  camera: string;
  /** "24/11/2026 14:03:05 (GMT+7)", bold on the right. */
  time: string;
  /** "IOC Bà Rịa – Vũng Tàu · wall name", on the second line. */
  origin: string;
}

/** The family the app bundles (styles/base.css), with the same fallback. */
const FONT_FAMILY = "'Be Vietnam Pro', system-ui, sans-serif";
/** A missing font must not cost the operator the snapshot: draw with the fallback after this. */
const FONT_WAIT_MS = 1_500;
const BAND_BACKGROUND = 'rgba(6, 10, 19, 0.85)';
const BAND_RULE = '#3b82f6';
const TEXT_MAIN = '#f2f6fc';
const TEXT_SECOND = '#b9c5d9';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "24/11/2026 14:03:05 (GMT+7)": the date, the wall clock's time and the offset, all in Vietnam time. */
export function formatStampTime(at: Date, language: Language): string {
  const locale = localeOf(language);
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', timeZoneName: 'shortOffset' });
    dateFormats.set(locale, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${formatClockTime(at, locale)} (${part('timeZoneName')})`;
}

export function stampText(stamp: SnapshotStamp): StampText {
  const join = (...items: Array<string | undefined>): string => items.map((item) => item?.trim()).filter(Boolean).join(' · ');
  return {
    camera: join(stamp.cameraName, stamp.district),
    time: formatStampTime(stamp.takenAt, stamp.language),
    origin: join(translator(stamp.language)('app.title.short'), stamp.wallName),
  };
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
type Surface =
  | { kind: 'offscreen'; canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D }
  | { kind: 'element'; canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D };

function createSurface(width: number, height: number): Surface {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx) return { kind: 'offscreen', canvas, ctx };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('snapshot: this browser gives no 2D canvas');
  return { kind: 'element', canvas, ctx };
}

/** Loads the weights the band uses for exactly these characters (the Vietnamese subset is its own file). */
async function loadFonts(fonts: string[], text: string): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, FONT_WAIT_MS)));
  try {
    await Promise.race([Promise.all(fonts.map((font) => document.fonts.load(font, text))), timeout]);
  } catch {
    // A font that fails to load leaves the fallback, which still has the diacritics.
  } finally {
    clearTimeout(timer);
  }
}

/** The text cut with "…" to fit `maxWidth`, for a camera name longer than the frame is wide. */
function fit(ctx: Context2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ctx.measureText(chars.slice(0, mid).join('').trimEnd() + '…').width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '' : chars.slice(0, low).join('').trimEnd() + '…';
}

/**
 * Band sizes follow the picture: `unit` is the height a 16:9 frame of this width would have, capped
 * at the real height, so text on a portrait or very wide frame still fits across it. Minimum sizes
 * keep a 240p frame readable.
 */
function bandMetrics(width: number, height: number) {
  const unit = Math.min(height, (width * 9) / 16);
  const main = Math.max(13, Math.round(unit * 0.044));
  const second = Math.max(12, Math.round(unit * 0.036));
  const padX = Math.round(main * 0.8);
  const padY = Math.round(main * 0.5);
  const gap = Math.round(main * 0.25);
  const rule = Math.max(1, Math.round(unit / 360));
  const bandHeight = padY + Math.round(main * 1.2) + gap + Math.round(second * 1.25) + padY;
  return { main, second, padX, padY, gap, rule, bandHeight };
}

function drawBand(ctx: Context2D, width: number, height: number, text: StampText): void {
  const m = bandMetrics(width, height);
  const top = height - m.bandHeight;
  ctx.fillStyle = BAND_BACKGROUND;
  ctx.fillRect(0, top, width, m.bandHeight);
  ctx.fillStyle = BAND_RULE;
  ctx.fillRect(0, top, width, m.rule);

  const mainFont = `700 ${m.main}px ${FONT_FAMILY}`;
  const secondFont = `500 ${m.second}px ${FONT_FAMILY}`;
  const inner = width - 2 * m.padX;
  const line1 = top + m.padY + Math.round(m.main * 1.2) / 2;
  const line2 = top + m.padY + Math.round(m.main * 1.2) + m.gap + Math.round(m.second * 1.25) / 2;
  ctx.textBaseline = 'middle';

  ctx.font = mainFont;
  ctx.fillStyle = TEXT_MAIN;
  ctx.textAlign = 'right';
  const time = fit(ctx, text.time, inner);
  const timeWidth = ctx.measureText(time).width;
  ctx.fillText(time, width - m.padX, line1);
  ctx.textAlign = 'left';
  ctx.fillText(fit(ctx, text.camera, inner - timeWidth - m.main), m.padX, line1);

  ctx.font = secondFont;
  ctx.fillStyle = TEXT_SECOND;
  ctx.fillText(fit(ctx, text.origin, inner), m.padX, line2);
}

/**
 * The current frame of `video` at its own resolution with the stamp band, as a PNG.
 * The frame is copied before anything is awaited, so the picture is the one on screen when the
 * operator asked. Throws when the video has no frame yet, or when its source forbids reading it.
 */
export async function renderSnapshot(video: HTMLVideoElement, stamp: SnapshotStamp): Promise<Blob> {
  const { videoWidth: width, videoHeight: height } = video;
  if (width === 0 || height === 0 || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) {
    throw new Error(`snapshot of ${stamp.cameraName}: the camera has no frame yet (video ${width}×${height}, readyState ${video.readyState})`);
  }
  const surface = createSurface(width, height);
  surface.ctx.drawImage(video, 0, 0, width, height);

  const text = stampText(stamp);
  const m = bandMetrics(width, height);
  await loadFonts([`700 ${m.main}px ${FONT_FAMILY}`, `500 ${m.second}px ${FONT_FAMILY}`], `${text.camera}${text.time}${text.origin}…`);
  drawBand(surface.ctx, width, height, text);

  try {
    if (surface.kind === 'element') {
      const canvas = surface.canvas;
      return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
    }
    return await surface.canvas.convertToBlob({ type: 'image/png' });
  } catch (error) {
    const reason = error instanceof DOMException && error.name === 'SecurityError' ? 'the stream comes from another origin without CORS, so its frames cannot be saved' : String(error);
    throw new Error(`snapshot of ${stamp.cameraName} failed: ${reason}`);
  }
}

/** The blob as base64 without the `data:` prefix, as `camera:save-snapshot` takes it. */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the snapshot'));
    reader.readAsDataURL(blob);
  });
}
