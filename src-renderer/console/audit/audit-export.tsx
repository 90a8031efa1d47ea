import { useState } from 'react';
import { host } from '../../bridge/connect';
import { errorText } from '../../bridge/host-error';
import { useT } from '../../i18n/use-t';

const vietnamToday = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Saves a file in the browser (or the desktop window) from text the host made. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports the dates of the filters (today when none) as CSV, and says how many rows it holds. */
export function AuditExport({ fromDate, toDate }: { fromDate: string | undefined; toDate: string | undefined }) {
  const t = useT();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; rows: number; truncated: boolean } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const run = async (): Promise<void> => {
    setState({ kind: 'busy' });
    const to = toDate || vietnamToday();
    const from = fromDate || to;
    try {
      const { api } = await host();
      const result = await api.invoke('audit:export', { fromDate: from, toDate: to });
      download(result.fileName, result.csv);
      setState({ kind: 'done', rows: result.rows, truncated: result.truncated });
    } catch (error) {
      setState({ kind: 'error', text: errorText(error) });
    }
  };
  return (
    <div className="audit-export">
      <button type="button" className="desk-button" onClick={() => void run()} disabled={state.kind === 'busy'} data-audit-export>
        {state.kind === 'busy' ? t('audit.exporting') : t('audit.export')}
      </button>
      {state.kind === 'done' ? (
        <span className="audit-export__note" role="status" data-exported-rows={state.rows}>
          {t(state.truncated ? 'audit.exportTruncated' : 'audit.exported', { rows: state.rows })}
        </span>
      ) : null}
      {state.kind === 'error' ? (
        <span className="audit-export__note audit-export__note--error" role="alert">
          {state.text}
        </span>
      ) : null}
    </div>
  );
}
