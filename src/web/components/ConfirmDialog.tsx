import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/index.tsx';

interface ConfirmDialogProps {
  /** Shown while true (a modal `<dialog>`: focus stays inside, Escape cancels). */
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** What the person should see before deciding (a preview, warnings), below the text. */
  children?: ReactNode;
}

/**
 * Asks before an action that cannot be undone. A native modal dialog: the browser keeps focus inside it,
 * Escape closes it, and focus returns to the button that opened it. "Avbryt" has focus first, so a
 * hurried Enter does nothing irreversible.
 */
export function ConfirmDialog({
  open,
  title,
  text,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: ConfirmDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onClose={() => {
        if (open) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-text`}>{text}</p>
      {children}
      <div className="button-row">
        {/* The safe choice takes focus when the dialog opens (autofocus inside a dialog is what the spec intends). */}
        <button type="button" className="secondary" autoFocus onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
