/**
 * The confirmation after an erasure. The customer page navigates away at once (its customer is gone), so the
 * confirmation cannot live in it: it is a small status element of its own at the end of <body>, which outlives
 * the route change. The shell may show it instead: it cancels the `demo-notice` event the page sends first.
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { controls, tokens } from '@crmkit/components';

/** Long enough to read twice; the text was also announced, and the button closes it sooner. */
const SHOWN_MS = 15_000;

/** Sent (bubbling, composed, cancelable) with a message for the user; cancel it to show the message yourself. */
export class DemoNoticeEvent extends Event {
  static readonly type = 'demo-notice';
  constructor(readonly message: string) {
    super(DemoNoticeEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'demo-notice': DemoNoticeEvent;
  }
  interface HTMLElementTagNameMap {
    'demo-erased-notice': DemoErasedNotice;
  }
}

export class DemoErasedNotice extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        position: fixed;
        inset-block-end: var(--_space-4);
        inset-inline-end: var(--_space-4);
        z-index: 10;
        max-inline-size: min(28rem, calc(100vw - 2 * var(--_space-4)));
      }
      .notice {
        display: flex;
        align-items: start;
        gap: var(--_space-3);
        padding: var(--_space-3) var(--_space-4);
        background: var(--_surface);
        border: 1px solid var(--_success);
        border-inline-start-width: 0.4rem;
        border-radius: var(--_radius);
        box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.2);
      }
      p {
        margin: 0;
        flex: 1;
      }
    `,
  ];

  /** The text to show; set after the element is on the page, so screen readers hear it as a change. */
  @property() message = '';
  /** The close button's label. */
  @property({ attribute: 'dismiss-label' }) dismissLabel = 'Dismiss';
  private timer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setTimeout(() => this.remove(), SHOWN_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override render() {
    return html`<div class="notice" part="notice">
      <p role="status">${this.message}</p>
      <button type="button" data-action="dismiss-notice" @click=${() => this.remove()}>${this.dismissLabel}</button>
    </div>`;
  }
}

if (!customElements.get('demo-erased-notice')) customElements.define('demo-erased-notice', DemoErasedNotice);

/**
 * Tells the user, from `source` (the page): first asks the shell through `demo-notice`, else shows the notice at
 * the end of <body>, replacing an earlier one.
 */
export async function showErasedNotice(
  source: Element,
  text: { message: string; dismissLabel: string; lang: string },
): Promise<void> {
  const { message, dismissLabel, lang } = text;
  if (!source.dispatchEvent(new DemoNoticeEvent(message))) return;
  document.querySelector('demo-erased-notice')?.remove();
  const notice = document.createElement('demo-erased-notice');
  // The words stay in the language they were written in, whatever the page switches to later.
  notice.lang = lang;
  notice.dismissLabel = dismissLabel;
  document.body.append(notice);
  await notice.updateComplete;
  notice.message = message;
  await notice.updateComplete;
}
