/**
 * Payloads that would run script if any element rendered text as HTML, put it in a URL, or evaluated a template.
 * Each sets `window.__xss` when it runs; a test passes only if it stays undefined and the text shows literally.
 */
export const XSS_CORPUS: readonly string[] = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  'javascript:window.__xss="url"',
  '<svg onload="window.__xss = \'svg\'"><script>window.__xss = "svg-script"</script></svg>',
  '<svg><a xlink:href="javascript:window.__xss=\'svg-link\'"><text y="20">x</text></a></svg>',
  '"><iframe srcdoc="<script>parent.__xss=\'iframe\'</script>"></iframe>',
  "'><details open ontoggle=\"window.__xss='toggle'\">",
  '<a href="javascript:window.__xss=\'a\'">click</a>',
  '${window.__xss = "template"}',
  '{{constructor.constructor("window.__xss = \'angular\'")()}}',
  '<style>@import "javascript:window.__xss=1"</style>',
  '&lt;script&gt;window.__xss="entity"&lt;/script&gt;',
];

declare global {
  interface Window {
    __xss?: string;
  }
}

/** Elements that only injected markup could have put into a shadow root. */
export const FOREIGN =
  'script, iframe, svg, math, style:not([data-lit]), img[src="x"], [onerror], [onload], [ontoggle]';
