import { css } from 'lit';

/** The colours of the three NPS categories, shared by the widget and the report (public: `--crm-nps-*-color`). */
export const npsCategoryColors = css`
  :host {
    --_nps-detractor: var(--crm-nps-detractor-color, var(--_danger));
    --_nps-passive: var(--crm-nps-passive-color, var(--_warning));
    --_nps-promoter: var(--crm-nps-promoter-color, var(--_success));
  }
`;
