/**
 * How the segment builder's companions (`<crm-segment-audience>`, `<crm-segment-export>`, `<crm-segment-library>`)
 * follow a builder: `for="id"` names a `<crm-segment-builder>` in the same document or shadow root, as `<label for>`
 * does; the builder then tells them each time its rule changes. Typed by the builder's interface only, so a
 * companion does not bundle the builder.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SegmentField, SegmentRule } from '@crmkit/segments';
import type { NodeIssue } from './segment-builder.types.js';

export interface SegmentFollower {
  follow(builder: LinkedBuilder): void;
}

/** What a companion sees of `<crm-segment-builder>`. */
export interface LinkedBuilder extends HTMLElement {
  readonly value: SegmentRule;
  /** The finished part of the rule when nothing in it is wrong; undefined while an issue blocks it. */
  readonly countable: SegmentRule | undefined;
  /** Conditions the user has not finished (left out of `countable`). */
  readonly unfinished: number;
  readonly issues: readonly NodeIssue[];
  /** The fields the builder offers (for exports that must know computed fields). */
  readonly fieldList: readonly SegmentField[];
  link(follower: SegmentFollower): () => void;
  /** Replaces the rule as a user action (an import, a loaded segment): the builder fires `crm-segment-change`. */
  applyRule(rule: unknown): void;
  /** Shows a node's issues and moves focus to it. */
  reveal(nodeId: string): void;
  reportValidity(): boolean;
}

type Host = ReactiveControllerHost & HTMLElement & SegmentFollower;

export class BuilderLink implements ReactiveController {
  builder: LinkedBuilder | undefined;
  private unlink: (() => void) | undefined;
  private linkedTo = '';

  constructor(
    private readonly host: Host,
    private readonly id: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connect();
  }

  hostUpdated(): void {
    if (this.id() !== this.linkedTo || !this.builder) this.connect();
  }

  hostDisconnected(): void {
    this.disconnect();
  }

  private disconnect(): void {
    this.unlink?.();
    this.unlink = this.builder = undefined;
    this.linkedTo = '';
  }

  private connect(): void {
    this.disconnect();
    const id = (this.linkedTo = this.id());
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const target = id ? (root.getElementById?.(id) as LinkedBuilder | null) : null;
    if (!target) return;
    if (typeof target.link !== 'function') {
      // Not upgraded yet: link once its definition arrives.
      void customElements.whenDefined(target.localName).then(() => {
        if (this.linkedTo === id && !this.builder) this.connect();
      });
      return;
    }
    this.builder = target;
    this.unlink = target.link(this.host);
  }
}
