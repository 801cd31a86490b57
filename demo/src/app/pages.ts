/**
 * The page of each route, loaded when first shown (Vite splits each into its own chunk). A route without a page
 * resolves to `undefined`, and the shell says so.
 */
import type { DemoRoute } from './routes.js';

export async function loadPage(route: DemoRoute['name']): Promise<string | undefined> {
  switch (route) {
    case 'customers':
      await import('../pages/customers/customers-page.js');
      return 'demo-customers-page';
    case 'customer':
      await import('../pages/customer/customer-page.js');
      return 'demo-customer-page';
    case 'insights':
      await import('../pages/insights/insights-page.js');
      return 'demo-insights-page';
    default:
      return undefined;
  }
}
