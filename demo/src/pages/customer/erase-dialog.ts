/**
 * The erasure confirmation: a modal `<dialog>` (WAI-ARIA dialog pattern: `showModal()` makes the rest of the page
 * inert, Escape cancels, the heading labels it and the explanation describes it). Focus starts on Cancel, the
 * choice that loses nothing; the page returns focus to the erase button when it closes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CustomerPageMessages } from './messages.js';

export interface EraseDialogState {
  /** The customer's name as the page last read it. */
  name: string;
  busy: boolean;
  failed: boolean;
}

export interface EraseDialogHandlers {
  confirm: () => void;
  cancel: () => void;
  /** The dialog's `cancel` event (Escape): stopped while the erasure runs. */
  onCancelEvent: (event: Event) => void;
  onClose: () => void;
}

export function eraseDialog(m: CustomerPageMessages, state: EraseDialogState, on: EraseDialogHandlers): TemplateResult {
  return html`<dialog
    data-demo="erase-dialog"
    aria-labelledby="erase-title"
    aria-describedby="erase-explain"
    @cancel=${on.onCancelEvent}
    @close=${on.onClose}
  >
    <h2 id="erase-title">${m.eraseTitle(state.name)}</h2>
    <p id="erase-explain">${m.eraseExplain}</p>
    <p class="muted">${m.eraseAudit}</p>
    ${state.failed ? html`<p class="failure" role="alert">${m.eraseFailed}</p>` : nothing}
    <p class="visually-hidden" role="status">${state.busy ? m.erasing : ''}</p>
    <div class="dialog-actions">
      <button type="button" data-action="cancel-erase" ?disabled=${state.busy} @click=${on.cancel}>${m.cancel}</button>
      <button
        type="button"
        class="danger"
        data-action="confirm-erase"
        aria-disabled=${state.busy ? 'true' : 'false'}
        @click=${on.confirm}
      >
        ${state.busy ? m.erasing : m.confirmErase}
      </button>
    </div>
  </dialog>`;
}
