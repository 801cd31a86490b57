import { css } from 'lit';
import { common } from './segment-common.styles.js';

/** The companions' own bits: count, preview, export blocks. */
export const companionStyles = [
  common,
  css`
    .count .number {
      font-size: var(--_font-size-large);
      font-weight: var(--_font-weight-bold);
    }
    .count,
    .code,
    .reason,
    label {
      display: grid;
      gap: var(--_space-1);
      justify-items: start;
    }
    .preview {
      margin: 0;
      padding-inline-start: var(--_space-4);
    }
    pre {
      margin: 0;
      padding: var(--_space-2);
      max-block-size: 16rem;
      overflow: auto;
      white-space: pre-wrap;
      background: var(--_surface-raised);
      font-size: var(--_font-size-small);
    }
    .reason {
      padding-inline-start: var(--_space-2);
      border-inline-start: 3px solid var(--_warning);
    }
    textarea {
      inline-size: 100%;
      box-sizing: border-box;
      font-family: ui-monospace, monospace;
    }
  `,
];
