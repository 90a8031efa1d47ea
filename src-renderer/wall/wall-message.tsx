import type { ReactNode } from 'react';

/** A full-screen message for a wall that cannot show its layout: readable from the back of the room. */
export function WallMessage({ title, hint, tone, children }: { title: string; hint?: string; tone: 'loading' | 'error'; children?: ReactNode }) {
  return (
    <div className="wall-message" data-tone={tone} role={tone === 'error' ? 'alert' : 'status'}>
      {tone === 'loading' ? <span className="wall-message__spinner" aria-hidden="true" /> : null}
      <h1 className="wall-message__title">{title}</h1>
      {hint ? <p className="wall-message__hint">{hint}</p> : null}
      {children}
    </div>
  );
}
