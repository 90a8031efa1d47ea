import { useT } from '../i18n/use-t';

/** While a tile or a camera covers the whole wall: what it is and which key brings the grid back. */
export function EnlargedHint() {
  const t = useT();
  return (
    <div className="enlarged-hint" role="note" data-enlarged-hint="">
      <span>{t('wall.enlarged.hint')}</span>
      <span aria-hidden="true">·</span>
      <kbd className="enlarged-hint__key">Esc</kbd>
      <span>{t('wall.enlarged.back')}</span>
    </div>
  );
}
