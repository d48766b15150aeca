// Keyboard helpers: the platform's command modifier, and whether typing is going on.
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Ctrl on Windows/Linux, Cmd on macOS. */
export function isMod(e: { ctrlKey: boolean; metaKey: boolean }): boolean {
  return isMac ? e.metaKey : e.ctrlKey;
}

export const MOD_LABEL = isMac ? '⌘' : 'Ctrl';

/** True when keys go to a text field, so global shortcuts must not steal them. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/** True while a modal dialog is open (global shortcuts then belong to the dialog). */
export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}
