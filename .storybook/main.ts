// Storybook 10 for the kit's elements (installed by hand: see TOOLCHAIN.md). Telemetry is off; the root
// vite.config.ts belongs to the demo, so Storybook gets its own Vite settings here.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(config) {
    // The demo's `root: 'demo'` must not leak in: stories import the packages' sources from the repository.
    return { ...config, root: process.cwd(), build: { ...config.build, target: 'es2022' } };
  },
};

export default config;
