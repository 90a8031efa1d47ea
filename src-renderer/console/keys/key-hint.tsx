import { KeyCaps } from '../../keys/key-caps';
import { useAppInfoStore } from '../../stores/app-info-store';

/** The key the key table binds to an action (by binding id), as key caps; nothing when none is bound. */
export function KeyHint({ binding }: { binding: string }) {
  const key = useAppInfoStore((s) => s.info?.keys.find((b) => b.id === binding)?.keys[0]);
  return key ? <KeyCaps accelerator={key} /> : null;
}
