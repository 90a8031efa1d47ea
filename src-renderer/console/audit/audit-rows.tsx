import type { AuditRowView } from '../../../src-shared/audit';
import { commandLabel, COMMAND_NAMES, type CommandName } from '../../../src-shared/commands';
import { formatClockTime } from '../../format/time';
import { localeOf, type MessageKey, type Translate } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';

/** A command row with the result row that answers it, or an event row (sign-in, reload) on its own. */
interface Entry {
  row: AuditRowView;
  result: AuditRowView | null;
}

/** Pairs each command row with its result row (both come newest first); result rows without their command in the page stand alone. */
export function pairRows(rows: readonly AuditRowView[]): Entry[] {
  const results = new Map(rows.filter((r) => r.kind === 'result' && r.ref !== null).map((r) => [r.ref!, r]));
  const commandIds = new Set(rows.filter((r) => r.kind === 'command').map((r) => r.id));
  return rows.filter((r) => r.kind !== 'result' || r.ref === null || !commandIds.has(r.ref)).map((row) => ({ row, result: row.kind === 'command' ? (results.get(row.id) ?? null) : null }));
}

const isCommand = (name: string): name is CommandName => (COMMAND_NAMES as string[]).includes(name);

function what(row: AuditRowView, t: Translate, language: 'vi' | 'en'): string {
  if (row.kind !== 'command' && row.kind !== 'result') return t(`audit.kind.${row.kind}` as MessageKey);
  let detail: unknown = null;
  try {
    detail = row.detail ? (JSON.parse(row.detail) as unknown) : null;
  } catch {
    // Shown by its action names below.
  }
  // What the host did by itself carries its own label (and its English one since there are two);
  // commands are labelled from their payloads.
  if (typeof detail === 'object' && detail !== null && typeof (detail as { label?: unknown }).label === 'string') {
    const { label, labelEn } = detail as { label: string; labelEn?: unknown };
    return language === 'en' && typeof labelEn === 'string' ? labelEn : label;
  }
  const commands = Array.isArray(detail) ? (detail as Array<{ name: string; payload: unknown }>) : [];
  const labels = commands.filter((d) => isCommand(d.name)).map((d) => commandLabel(d.name as CommandName, language, d.payload));
  return labels.length > 0 ? labels.join('; ') : row.action;
}

/** "1: tong-quan → giao-thong" for each wall whose layout changed, and the preset. */
function change(result: AuditRowView | null): string | null {
  if (!result?.before || !result.after) return null;
  try {
    const before = JSON.parse(result.before) as { preset?: string | null; walls?: Record<string, { layoutId?: string } | null> };
    const after = JSON.parse(result.after) as typeof before;
    const parts: string[] = [];
    if ('preset' in after) parts.push(`${before.preset ?? '—'} → ${after.preset ?? '—'}`);
    for (const [wallId, wall] of Object.entries(after.walls ?? {})) {
      const was = before.walls?.[wallId]?.layoutId ?? '—';
      if (wall?.layoutId && wall.layoutId !== was) parts.push(`${wallId}: ${was} → ${wall.layoutId}`);
    }
    return parts.length > 0 ? parts.join(' · ') : null;
  } catch {
    return null;
  }
}

function when(at: string, locale: string): string {
  // The log writes Vietnam time; the day is shown when it is not today's.
  const day = at.slice(0, 10);
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const time = formatClockTime(Date.parse(at), locale);
  return day === today ? time : `${day.split('-').reverse().join('/')} ${time}`;
}

export function AuditRows({ rows }: { rows: readonly AuditRowView[] }) {
  const t = useT();
  const language = useLanguage();
  const locale = localeOf(language);
  return (
    <ol className="audit-list">
      {pairRows(rows).map(({ row, result }) => {
        const outcome = result?.result ?? row.result;
        const error = result?.error ?? row.error;
        const moved = change(result);
        return (
          <li key={row.id} className="audit-row" data-audit-id={row.id} data-kind={row.kind} data-result={outcome} data-action={row.action}>
            <time className="audit-row__time" dateTime={row.at}>
              {when(row.at, locale)}
            </time>
            <span className="audit-row__who" title={row.actor}>
              {row.operator ?? row.actor}
            </span>
            <span className="audit-row__result" data-result={outcome}>
              {t(`audit.result.${outcome === 'ok' || outcome === 'refused' || outcome === 'failed' ? outcome : 'pending'}`)}
            </span>
            <span className="audit-row__what">{what(row, t, language)}</span>
            {moved ? <span className="audit-row__change">{moved}</span> : null}
            {error && outcome !== 'ok' ? <span className="audit-row__error">{error}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
