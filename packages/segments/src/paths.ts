/**
 * Reading dotted paths (`address.city`, `tags.0`) out of plain JSON documents.
 *
 * A path segment may not name a member of `Object.prototype` (`__proto__`, `constructor`, `toString`, …): with
 * such segments a plain property read would reach the prototype instead of the document, and JsonLogic engines
 * disagree on what they return there. With them excluded, a direct read equals an own-property read on JSON data,
 * so the compiled segment, our JsonLogic evaluator and json-logic-js all see the same value.
 */

export type Getter = (doc: unknown) => unknown;

export function pathSegmentProblem(path: string): string | undefined {
  if (path === '') return 'must not be empty';
  for (const segment of path.split('.')) {
    if (segment === '') return 'must not have empty segments (write a.b, not a..b or .a)';
    if (segment in Object.prototype) return `must not use the reserved name "${segment}"`;
  }
  return undefined;
}

/**
 * A reader for one path, specialised for short paths because it runs once per customer per condition. Values that
 * are functions (inherited methods of arrays and strings, e.g. `tags.map`) read as missing: JSON holds none.
 */
export function pathGetter(path: string): Getter {
  const keys = path.split('.');
  if (keys.length === 1) {
    const [a] = keys as [string];
    return (doc) => (doc == null ? undefined : plain((doc as Record<string, unknown>)[a]));
  }
  if (keys.length === 2) {
    const [a, b] = keys as [string, string];
    return (doc) => {
      if (doc == null) return undefined;
      const first = plain((doc as Record<string, unknown>)[a]);
      return first == null ? undefined : plain((first as Record<string, unknown>)[b]);
    };
  }
  return (doc) => readPath(doc, keys);
}

export function readPath(doc: unknown, keys: readonly string[]): unknown {
  let value = doc;
  for (const key of keys) {
    if (value == null) return undefined;
    value = plain((value as Record<string, unknown>)[key]);
  }
  return value;
}

function plain(value: unknown): unknown {
  return typeof value === 'function' ? undefined : value;
}
