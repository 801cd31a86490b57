/**
 * The demo's hash routes: `#/customers` (the default), `#/customer/<id>` and `#/insights`. A hash that is not a
 * route (`#main`, the skip link's target) leaves the route as it is, so in-page links never navigate.
 */
export type DemoRoute =
  { name: 'customers' } | { name: 'customer'; id: string } | { name: 'insights' } | { name: 'not-found'; path: string };

export const CUSTOMERS: DemoRoute = { name: 'customers' };

/** The route a hash names; `undefined` for a hash that is no route (an in-page anchor). */
export function parseRoute(hash: string): DemoRoute | undefined {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/' || path === '/customers') return CUSTOMERS;
  if (!path.startsWith('/')) return undefined;
  if (path === '/insights') return { name: 'insights' };
  const customer = /^\/customer\/([^/]+)$/.exec(path);
  if (customer) {
    try {
      return { name: 'customer', id: decodeURIComponent(customer[1]!) };
    } catch {
      // A malformed escape (`%E0`) is no customer id.
    }
  }
  return { name: 'not-found', path };
}

/** The hash of a route, for links. */
export function routeHref(route: DemoRoute): string {
  switch (route.name) {
    case 'customers':
      return '#/customers';
    case 'customer':
      return `#/customer/${encodeURIComponent(route.id)}`;
    case 'insights':
      return '#/insights';
    case 'not-found':
      return `#${route.path}`;
  }
}

/** A customer's page, for the list's links and other pages. */
export function customerHref(id: string): string {
  return routeHref({ name: 'customer', id });
}

export function sameRoute(a: DemoRoute, b: DemoRoute): boolean {
  return routeHref(a) === routeHref(b);
}
