/**
 * Who may be contacted on a channel: the customers whose latest consent record on it is a grant (the kit's
 * `grantedIds`, which the segment audience counts with). One read per channel, kept until a consent changes here
 * or in another tab.
 */
import type { ConsentChannel, Crm } from '@crmkit/core';
import { grantedIds } from '@crmkit/components';

export class ConsentGrants {
  private readonly kept = new Map<ConsentChannel, Promise<ReadonlySet<string>>>();
  private readonly unsubscribe: () => void;

  constructor(private readonly crm: Crm) {
    this.unsubscribe = crm.subscribe('consents', () => this.kept.clear());
  }

  /** The ids of the customers with a current grant on `channel`. */
  granted(channel: ConsentChannel): Promise<ReadonlySet<string>> {
    let ids = this.kept.get(channel);
    if (!ids) {
      ids = this.read(channel);
      this.kept.set(channel, ids);
      // A failed read is not kept: the next list asks again.
      ids.catch(() => {
        if (this.kept.get(channel) === ids) this.kept.delete(channel);
      });
    }
    return ids;
  }

  dispose(): void {
    this.unsubscribe();
    this.kept.clear();
  }

  private async read(channel: ConsentChannel): Promise<ReadonlySet<string>> {
    return grantedIds(this.crm, channel);
  }
}
