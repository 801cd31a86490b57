/**
 * What every `crm-*` element shares: the crm (set directly with `.crm`, or handed down by `<crm-provider>`) and
 * the locale controller. Subclasses add their own loading, rendering and events.
 */
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Crm } from '@crmkit/core';
import { crmContext } from './crm-context.js';
import { LocaleController } from './locale-controller.js';

export class CrmElement extends LitElement {
  /** The crm to read and write through. Optional inside a `<crm-provider>`, which supplies it. */
  @property({ attribute: false }) crm: Crm | undefined;

  /** The crm of the nearest `<crm-provider>`, when `crm` is not set. */
  @consume({ context: crmContext, subscribe: true })
  @state()
  protected providedCrm: Crm | undefined;

  protected readonly i18n = new LocaleController(this, () => this.kit);

  /** The crm in use: the one set on the element wins over the provider's. */
  protected get kit(): Crm | undefined {
    return this.crm ?? this.providedCrm;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The crm's locale is the fallback when no `lang` is set anywhere; it may arrive after the first render.
    if (changed.has('crm') || changed.has('providedCrm')) this.i18n.refresh(false);
  }
}
