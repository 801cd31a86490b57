import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';

/** The part of @lit-labs/virtualizer's private scroller controller that this fix touches. */
interface ScrollerController {
  readonly element: Element;
}

/**
 * @lit-labs/virtualizer 2.1 reads its scroller's position as `element.scrollTop || window.scrollY`
 * (lit/lit#5293): a feed at its top (0) reads as the page's scroll instead. The virtualiser corrects its scroll
 * position from that reading whenever items arrive or are measured, so on a scrolled page a feed at its top jumped
 * down by the page's scroll, hiding the new items, and went back there when set to 0. Reading the feed's own
 * position instead is what the virtualiser means for a scroller element.
 *
 * Its controller is made again when the feed is connected again, so call this after every render and connection.
 */
export function readFeedScrollPosition(feed: VirtualizerHostElement | null): void {
  const virtualizer = feed?.[virtualizerRef] as unknown as { _scrollerController?: ScrollerController | null };
  const controller = virtualizer?._scrollerController;
  if (!feed || !controller || controller.element !== feed || Object.hasOwn(controller, 'scrollTop')) return;
  Object.defineProperties(controller, {
    scrollTop: { get: () => feed.scrollTop, configurable: true },
    scrollLeft: { get: () => feed.scrollLeft, configurable: true },
  });
}
