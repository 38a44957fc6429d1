import { useEffect, useId, useRef } from 'react';

interface Props {
  open: boolean;
  heading: string;
  text: string;
  confirm: string;
  keep: string;
  onConfirm(): void;
  onClose(): void;
}

/** A modal question: the one place focus is held, by the browser's own <dialog>; Escape keeps going. */
export function ConfirmDialog({ open, heading, text, confirm, keep, onConfirm, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-h`} aria-describedby={`${id}-t`} onClose={onClose}>
      <h2 id={`${id}-h`}>{heading}</h2>
      <p id={`${id}-t`}>{text}</p>
      <div className="actions">
        <button type="button" className="button" autoFocus onClick={onClose}>{keep}</button>
        <button type="button" className="button button-danger" onClick={onConfirm}>{confirm}</button>
      </div>
    </dialog>
  );
}
