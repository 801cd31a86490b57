import { css } from 'lit';
import { common } from './segment-common.styles.js';

/** The builder's layout: nested groups, node rows, the field picker, value editors. */
export const builderStyles = [
  common,
  css`
    :host {
      --_sb-group-background: var(--crm-segment-group-background, var(--_surface-raised));
      --_sb-indent: var(--crm-segment-indent, var(--_space-4));
    }
    .rules {
      display: grid;
      gap: var(--_space-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .node {
      display: grid;
      gap: var(--_space-2);
      border-radius: var(--_radius);
    }
    .group:not(.top),
    .condition,
    .event {
      padding: var(--_space-2);
      border: 1px solid var(--_sb-border);
      background: var(--_sb-background);
    }
    .group:not(.top) {
      padding-inline-start: var(--_sb-indent);
      background: var(--_sb-group-background);
    }
    .where {
      padding-inline-start: var(--_sb-indent);
    }
    .icon {
      padding-inline: var(--_space-2);
    }
    .handle {
      cursor: grab;
    }
    .dragging {
      opacity: 0.5;
    }
    .drop-before {
      box-shadow: 0 -3px 0 var(--_accent);
    }
    .drop-after {
      box-shadow: 0 3px 0 var(--_accent);
    }
    .drop-inside {
      outline: 2px dashed var(--_accent);
    }
    :host(:dir(rtl)) .flip {
      display: inline-block;
      transform: scaleX(-1);
    }
    .anchor {
      position: relative;
    }
    .field {
      min-inline-size: 10rem;
    }
    .picker {
      position: absolute;
      z-index: 10;
      inset-block-start: 100%;
      inset-inline-start: 0;
      inline-size: min(22rem, 80vw);
      display: grid;
      gap: var(--_space-1);
      padding: var(--_space-2);
      background: var(--_surface);
      border: 1px solid var(--_sb-border);
      border-radius: var(--_radius);
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
    }
    .options {
      max-block-size: 18rem;
      overflow-y: auto;
    }
    .group-label {
      padding: var(--_space-1);
      font-size: var(--_font-size-small);
      font-weight: var(--_font-weight-bold);
      color: var(--_text-muted);
    }
    .option {
      display: flex;
      justify-content: space-between;
      gap: var(--_space-2);
      padding: var(--_space-1) var(--_space-2);
      cursor: pointer;
    }
    .option[aria-selected='true'] {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .path {
      font-size: var(--_font-size-small);
      opacity: 0.8;
    }
    .current {
      font-weight: var(--_font-weight-bold);
    }
    .short {
      inline-size: 5rem;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-1) var(--_space-3);
      margin: 0;
      border: 1px solid var(--_sb-border);
    }
    .tags,
    .tag,
    .choice {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-1);
    }
    .tag-list {
      display: contents;
    }
    .tag {
      padding-inline-start: var(--_space-2);
      border: 1px solid var(--_sb-border);
      border-radius: 1em;
    }
    .tag button {
      border: none;
      background: none;
    }
  `,
];
