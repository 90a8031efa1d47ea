import type { ReactNode } from 'react';

/** The visible "nothing to show" state of a tile: a missing value must never look like an empty box. */
export function TileMessage({ icon, text, detail, tone = 'muted' }: { icon?: ReactNode; text: string; detail?: string; tone?: 'muted' | 'warn' | 'error' }) {
  return (
    <div className="tile-message" data-tone={tone} role="status">
      {icon}
      <p className="tile-message__text">{text}</p>
      {detail ? <p className="tile-message__detail">{detail}</p> : null}
    </div>
  );
}
