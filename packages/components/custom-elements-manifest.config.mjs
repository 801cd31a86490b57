// The Custom Elements Manifest (custom-elements.json) and VS Code's HTML data, from the elements' JSDoc.
// Run with `pnpm --filter @crmkit/components analyze`; the React wrappers and Storybook's controls read it.
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  plugins: [
    {
      // The analyzer also reads `dispatchEvent(new X(arg))` calls and names those events after the argument; the
      // class JSDoc (`@fires {Type} name`) is the record, so only its `crm-*` events stay.
      name: 'crmkit-events-from-jsdoc',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events)
              declaration.events = declaration.events.filter((event) => event.name?.startsWith('crm-'));
          }
        }
      },
    },
    customElementVsCodePlugin({
      outdir: '.',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
  ],
};
