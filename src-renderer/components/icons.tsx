/** Small inline SVG icons: emoji render differently per kiosk OS, SVG looks the same everywhere. */

export function WarningIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 2.5 1.5 21h21L12 2.5Zm0 5.2 6.9 11.8H5.1L12 7.7Zm-1 3.3v4.5h2V11h-2Zm0 5.8v2h2v-2h-2Z" fill="currentColor" />
    </svg>
  );
}

export function CrossIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 1.5a10.5 10.5 0 1 0 0 21 10.5 10.5 0 0 0 0-21Zm4.6 13.7-1.4 1.4L12 13.4l-3.2 3.2-1.4-1.4 3.2-3.2-3.2-3.2 1.4-1.4 3.2 3.2 3.2-3.2 1.4 1.4-3.2 3.2 3.2 3.2Z" fill="currentColor" />
    </svg>
  );
}

export function CameraOffIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3.3 2 2 3.3 4.7 6H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12c.2 0 .4 0 .5-.1l3.2 3.2 1.3-1.3L3.3 2ZM5 16V8h1.7l8 8H5Zm12-5.5V7a1 1 0 0 0-1-1H9.8l2 2H15v3.2l2 2V13.5l4 4V6.5l-4 4Z" fill="currentColor" />
    </svg>
  );
}

export function InboxIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4 3h16l1 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5l1-2Zm1 10v6h14v-6h-4a3 3 0 0 1-6 0H5Zm0-2h5.5l.5 1a1 1 0 0 0 2 0l.5-1H19V5H5v6Z" fill="currentColor" />
    </svg>
  );
}
