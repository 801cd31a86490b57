// #region options
/**
 * Tells Vue's template compiler that crm-* tags are custom elements, not Vue components to resolve. Pass it to
 * @vitejs/plugin-vue (`vue({ template: { compilerOptions: crmCompilerOptions } })`) for single-file components,
 * or set `app.config.compilerOptions.isCustomElement` when templates are compiled in the browser.
 */
export const crmCompilerOptions = {
  isCustomElement: (tag: string): boolean => tag.startsWith('crm-'),
};
// #endregion options
