import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { Crm } from '@crmkit/core';
import { crmContext } from '../shared/crm-context.js';

/**
 * Hands one crm to every `crm-*` element inside it, however deep and across shadow roots, so that the host
 * app sets it once: `<crm-provider .crm=${crm}>…</crm-provider>`. It renders nothing of its own.
 *
 * @summary Supplies the crm to the elements inside it.
 * @slot - The elements that use the crm.
 */
@customElement('crm-provider')
export class CrmProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The crm that elements inside use unless they have their own `.crm`. */
  @provide({ context: crmContext })
  @property({ attribute: false })
  crm: Crm | undefined;

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-provider': CrmProvider;
  }
}
