// Every story gets the toolbar's theme, locale and direction through a wrapper, as a host page would set them:
// a theme class, `lang` and `dir` on an ancestor. Controls come from the Custom Elements Manifest.
import { html } from 'lit';
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import manifest from '../packages/components/custom-elements.json';
import { adoptCrmTheme } from '../packages/components/src/index.js';

setCustomElementsManifest(manifest);
adoptCrmTheme();

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'Language',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en', 'tr'], dynamicTitle: true },
    },
    direction: {
      description: 'Writing direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', direction: 'ltr' },
  decorators: [
    (story, { globals }) =>
      html`<div
        class="story crm-theme-${globals.theme === 'dark' ? 'dark' : 'light'}"
        lang=${globals.locale === 'tr' ? 'tr' : 'en'}
        dir=${globals.direction === 'rtl' ? 'rtl' : 'ltr'}
      >
        ${story()}
      </div>`,
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
