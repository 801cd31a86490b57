/** How long after items arrive the virtualiser may still correct its scroll position (measuring the new rows). */
const HOLD_MS = 1000;

/**
 * Keeps a feed that is at its top at the top while items arrive. The virtualiser keeps what is on screen in place
 * when rows above it change (right for a reader further down), measuring from the part of the feed the window
 * shows; on a page scrolled past the feed's top that part starts inside the feed, so new items at the top pushed a
 * feed at 0 down by a row or so and the newest items went out of view. A reader at the top wants to see them.
 *
 * Any sign of the reader's own scrolling (wheel, touch, pointer, keys) ends the hold.
 */
export class FeedTopHold {
  private until = 0;

  /** Items are arriving: hold the feed at the top if it is there now. */
  arm(feed: HTMLElement | null): void {
    if (feed && feed.scrollTop === 0) this.until = performance.now() + HOLD_MS;
  }

  release = (): void => {
    this.until = 0;
  };

  /** From the feed's scroll event: puts it back at the top while held. True when it did. */
  restore(feed: HTMLElement): boolean {
    if (feed.scrollTop === 0 || performance.now() >= this.until) return false;
    feed.scrollTop = 0;
    return true;
  }
}
