/**
 * The four states every element shows: loading (a skeleton that keeps the layout steady), empty, error with a
 * retry, and ready (the element's own). Shared so that they look and read the same everywhere.
 */
import { css, html, type TemplateResult } from 'lit';

export function renderLoading(label: string, lines = 3): TemplateResult {
  return html`<div part="skeleton" class="skeleton" role="status">
    <span class="visually-hidden">${label}</span>
    ${Array.from({ length: lines }, () => html`<span class="bone"></span>`)}
  </div>`;
}

export function renderEmpty(message: string): TemplateResult {
  return html`<div part="empty" class="empty" role="status">${message}</div>`;
}

export function renderError(message: string, retryLabel: string, retry: () => void): TemplateResult {
  return html`<div part="error" class="error" role="alert">
    <p>${message}</p>
    <button type="button" part="retry-button" @click=${retry}>${retryLabel}</button>
  </div>`;
}

export const stateStyles = css`
  .skeleton {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-4);
  }
  .bone {
    display: block;
    block-size: 0.9em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-raised);
    animation: crm-pulse 1.4s ease-in-out infinite;
  }
  .bone:first-of-type {
    inline-size: 60%;
    block-size: 1.4em;
  }
  .bone:last-of-type {
    inline-size: 40%;
  }
  @keyframes crm-pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
  .empty,
  .error {
    padding: var(--_space-4);
    color: var(--_text-muted);
  }
  .error {
    color: var(--_text);
    border-inline-start: 3px solid var(--_danger);
  }
  .error p {
    margin-block: 0 var(--_space-2);
  }
`;
