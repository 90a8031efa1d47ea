import { useEffect } from 'react';
import { useT } from '../i18n/use-t';
import { useKeyFeedbackStore } from './key-feedback-store';

const VISIBLE_MS = 5_000;

/** Why the host refused the key just pressed ("Phím Ctrl+Alt+7: Chưa có kịch bản số 7"), for a few seconds. */
export function KeyRefusalToast() {
  const t = useT();
  const refusal = useKeyFeedbackStore((s) => s.refusal);
  useEffect(() => {
    if (!refusal) return undefined;
    const timer = setTimeout(() => useKeyFeedbackStore.getState().clearRefusal(), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [refusal]);
  if (!refusal) return null;
  return (
    <div className="key-toast" role="alert" data-key-refused={refusal.key}>
      {t('keys.refused', { key: refusal.key, reason: refusal.text })}
    </div>
  );
}
