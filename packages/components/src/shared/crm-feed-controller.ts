import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Crm } from '@crmkit/core';

/**
 * Keeps an element following its crm's change feed: subscribes when a crm arrives (by property or from a
 * provider), moves the subscription when the crm changes, and lets go when the element leaves the page, so that
 * no element keeps a crm (or a detached element) alive through a listener.
 */
export class CrmFeedController implements ReactiveController {
  private followed: Crm | undefined;
  private stop: (() => void) | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly crm: () => Crm | undefined,
    private readonly follow: (crm: Crm) => () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
    this.followed = undefined;
  }

  private sync(): void {
    const crm = this.crm();
    if (crm === this.followed) return;
    this.stop?.();
    this.stop = undefined;
    this.followed = crm;
    if (crm) this.stop = this.follow(crm);
  }
}
