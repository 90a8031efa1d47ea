import { Fragment } from 'react';

/** Arrows as operators see them on the keyboard. */
const SHOWN: Readonly<Record<string, string>> = { Up: '↑', Down: '↓', Left: '←', Right: '→', Escape: 'Esc', PageUp: 'Page Up', PageDown: 'Page Down', Space: 'Space' };

/** An accelerator as key caps: "Ctrl+Alt+2" → [Ctrl] + [Alt] + [2]. */
export function KeyCaps({ accelerator }: { accelerator: string }) {
  const parts = accelerator.split('+');
  return (
    <span className="key-caps" data-accelerator={accelerator}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <span className="key-caps__plus">+</span> : null}
          <kbd className="key-cap">{SHOWN[part] ?? part}</kbd>
        </Fragment>
      ))}
    </span>
  );
}
