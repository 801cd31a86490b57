/**
 * A complete JsonLogic evaluator (every operation on jsonlogic.com) that compiles a rule to closures, so it runs
 * under a strict CSP and evaluates a rule many times without re-reading it. It follows json-logic-js, the
 * reference implementation, operation by operation (JavaScript comparison and coercion semantics included), with
 * two deliberate differences:
 * - `var` reads own properties only: `{"var": "constructor"}` is missing here, not `Object`'s constructor.
 * - An unknown operation is refused when the rule is compiled, even on a branch that would never run.
 */
import { CrmUnsupportedError } from '@crmkit/core';

export type JsonLogic = unknown;
export type JsonLogicEvaluator = (data?: unknown) => unknown;

/** A custom operation: receives its evaluated arguments and the current data. */
export type JsonLogicOperation = (args: unknown[], data: unknown) => unknown;

export interface JsonLogicOptions {
  /** Extra operations by name (as json-logic-js's `add_operation`). They cannot replace the standard ones. */
  operations?: Readonly<Record<string, JsonLogicOperation>>;
}

type Path = (string | number)[];
type Evaluate = (data: unknown) => unknown;

/** JsonLogic truthiness: JavaScript's, except that an empty array is false. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value) && value.length === 0) return false;
  return Boolean(value);
}

/** A rule is an object with exactly one key; anything else is data and evaluates to itself. */
export function isLogic(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1;
}

export function compileJsonLogic(logic: JsonLogic, options: JsonLogicOptions = {}): JsonLogicEvaluator {
  const evaluate = compileNode(logic, [], options.operations ?? {});
  return (data) => evaluate(data);
}

export function applyJsonLogic(logic: JsonLogic, data?: unknown, options?: JsonLogicOptions): unknown {
  return compileJsonLogic(logic, options)(data);
}

function compileNode(node: unknown, path: Path, custom: Readonly<Record<string, JsonLogicOperation>>): Evaluate {
  if (Array.isArray(node)) {
    const items = node.map((item, i) => compileNode(item, [...path, i], custom));
    return (data) => items.map((item) => item(data));
  }
  if (!isLogic(node)) return () => node;
  const op = Object.keys(node)[0]!;
  const raw = node[op];
  const argPath = [...path, op];
  const args = Array.isArray(raw) ? raw : [raw];
  const compiled = args.map((arg, i) => compileNode(arg, Array.isArray(raw) ? [...argPath, i] : argPath, custom));
  const lazy = compileLazy(op, compiled);
  if (lazy) return lazy;
  if (op === 'var') return compileVar(args, compiled);
  if (op === 'missing_some') {
    return (data) => {
      const [need, options] = compiled.map((arg) => arg(data));
      // As the reference, the options are read again as the arguments of `missing` (so lists inside are evaluated),
      // and the count of a non-list is its `length` (undefined for most values: never enough).
      const absent = compileNode({ missing: options }, path, custom)(data) as unknown[];
      const size = (options as { length: number }).length;
      return size - absent.length >= (need as Loose) ? [] : absent;
    };
  }
  const operation = OPERATIONS.get(op) ?? customOperation(custom, op);
  if (!operation) throw new CrmUnsupportedError(`unknown JsonLogic operation "${op}"`, path);
  return (data) =>
    operation(
      compiled.map((arg) => arg(data)),
      data,
    );
}

function customOperation(
  custom: Readonly<Record<string, JsonLogicOperation>>,
  op: string,
): JsonLogicOperation | undefined {
  return Object.hasOwn(custom, op) ? custom[op] : undefined;
}

/** The operations that decide themselves which arguments to evaluate, and against which data. */
function compileLazy(op: string, args: Evaluate[]): Evaluate | undefined {
  const scope = args[1] ?? (() => undefined);
  const list = args[0] ?? (() => undefined);
  switch (op) {
    case 'if':
    case '?:':
      return (data) => {
        let i = 0;
        for (; i < args.length - 1; i += 2) {
          if (truthy(args[i]!(data))) return args[i + 1]!(data);
        }
        return i === args.length - 1 ? args[i]!(data) : null;
      };
    case 'and':
      return (data) => {
        let current: unknown;
        for (const arg of args) {
          current = arg(data);
          if (!truthy(current)) return current;
        }
        return current;
      };
    case 'or':
      return (data) => {
        let current: unknown;
        for (const arg of args) {
          current = arg(data);
          if (truthy(current)) return current;
        }
        return current;
      };
    case 'filter':
      return (data) => {
        const items = list(data);
        return Array.isArray(items) ? (items as unknown[]).filter((item) => truthy(scope(item))) : [];
      };
    case 'map':
      return (data) => {
        const items = list(data);
        return Array.isArray(items) ? items.map((item) => scope(item)) : [];
      };
    case 'reduce':
      return (data) => {
        const items = list(data);
        const initial = args[2] ? args[2](data) : null;
        if (!Array.isArray(items)) return initial;
        return (items as unknown[]).reduce(
          (accumulator: unknown, current: unknown) => scope({ current, accumulator }),
          initial,
        );
      };
    case 'all':
      return (data) => {
        const items = list(data);
        // All of nothing is false in JsonLogic.
        return Array.isArray(items) && items.length > 0 && items.every((item) => truthy(scope(item)));
      };
    case 'some':
      return (data) => {
        const items = list(data);
        return Array.isArray(items) && items.some((item) => truthy(scope(item)));
      };
    case 'none':
      return (data) => {
        const items = list(data);
        return !Array.isArray(items) || !items.some((item) => truthy(scope(item)));
      };
    default:
      return undefined;
  }
}

/** `var` with a constant path splits it once; a computed path (itself a rule) is split on each call. */
function compileVar(rawArgs: unknown[], args: Evaluate[]): Evaluate {
  const fallback = args[1];
  const key = rawArgs[0];
  if (!isLogic(key) && !Array.isArray(key)) {
    const keys = pathKeys(key);
    if (!fallback) return (data) => readVar(data, keys, null);
    return (data) => readVar(data, keys, fallbackValue(fallback(data)));
  }
  const pathOf = args[0]!;
  return (data) => readVar(data, pathKeys(pathOf(data)), fallback ? fallbackValue(fallback(data)) : null);
}

function fallbackValue(value: unknown): unknown {
  return value === undefined ? null : value;
}

/** `null` means "the data itself" (`{"var": ""}`, `{"var": null}`, `{"var": []}`). */
function pathKeys(path: unknown): string[] | null {
  if (path === undefined || path === null || path === '') return null;
  // Any other value names a path the way JavaScript prints it (`1` → "1", `[1, 2]` → "1,2"), as in the reference.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(path).split('.');
}

export function readVar(data: unknown, keys: readonly string[] | null, notFound: unknown): unknown {
  if (keys === null) return data;
  let value = data;
  for (const key of keys) {
    if (value === null || value === undefined) return notFound;
    if (!Object.hasOwn(value, key)) return notFound;
    value = (value as Record<string, unknown>)[key];
    if (value === undefined) return notFound;
  }
  return value;
}

type Operation = (args: unknown[], data: unknown) => unknown;
type Loose = number; // JavaScript's operators coerce at run time; the type only quiets the checker.

/** The reference's substr: JavaScript's `substr`, plus a negative length that cuts characters off the end (as PHP). */
function substr(source: unknown, start: unknown, length: unknown): string {
  if ((length as Loose) < 0) {
    const tail = legacySubstr(String(source), start, undefined);
    // `+` here is JavaScript's: a length given as a list concatenates, and then reads as 0, as in the reference.
    return legacySubstr(tail, 0, tail.length + (length as Loose));
  }
  return legacySubstr(String(source), start, length);
}

/** String.prototype.substr (Annex B), written out because the built-in is deprecated. */
function legacySubstr(text: string, start: unknown, length: unknown): string {
  const size = text.length;
  let from = toIntegerOrInfinity(start);
  if (from === -Infinity) from = 0;
  else if (from < 0) from = Math.max(size + from, 0);
  else from = Math.min(from, size);
  const count = length === undefined ? size - from : Math.min(Math.max(toIntegerOrInfinity(length), 0), size - from);
  return count <= 0 ? '' : text.slice(from, from + count);
}

function toIntegerOrInfinity(value: unknown): number {
  const number = Number(value);
  if (Number.isNaN(number)) return 0;
  return Math.trunc(number);
}

function missing(args: unknown[], data: unknown): unknown[] {
  const keys = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  return keys.filter((key) => {
    // As the reference, a key is read as {"var": key}: a key that is itself a rule or a list is evaluated first.
    const value =
      typeof key === 'object' && key !== null
        ? compileNode({ var: key }, [], {})(data)
        : readVar(data, pathKeys(key), null);
    return value === null || value === '';
  });
}

const OPERATIONS: ReadonlyMap<string, Operation> = new Map<string, Operation>([
  // JsonLogic's == and != are JavaScript's loose equality.
  ['==', ([a, b]) => a == b],
  ['===', ([a, b]) => a === b],
  ['!=', ([a, b]) => a != b],
  ['!==', ([a, b]) => a !== b],
  ['>', ([a, b]) => (a as Loose) > (b as Loose)],
  ['>=', ([a, b]) => (a as Loose) >= (b as Loose)],
  [
    '<',
    ([a, b, c]) =>
      c === undefined ? (a as Loose) < (b as Loose) : (a as Loose) < (b as Loose) && (b as Loose) < (c as Loose),
  ],
  [
    '<=',
    ([a, b, c]) =>
      c === undefined ? (a as Loose) <= (b as Loose) : (a as Loose) <= (b as Loose) && (b as Loose) <= (c as Loose),
  ],
  ['!!', ([a]) => truthy(a)],
  ['!', ([a]) => !truthy(a)],
  ['%', ([a, b]) => (a as Loose) % (b as Loose)],
  [
    'log',
    ([a]) => {
      console.log(a);
      return a;
    },
  ],
  [
    'in',
    ([a, b]) => {
      if (!b) return false;
      // A substring test coerces the needle as JavaScript's indexOf does; a list compares strictly.
      if (typeof b === 'string') return b.indexOf(a as string) !== -1;
      return Array.isArray(b) && b.indexOf(a) !== -1;
    },
  ],
  ['cat', (args) => args.join('')],
  ['substr', ([source, start, length]) => substr(source, start, length)],
  ['+', (args) => args.reduce((sum: number, b) => parseFloat(sum as unknown as string) + parseFloat(b as string), 0)],
  ['*', (args) => args.reduce((product, b) => parseFloat(product as string) * parseFloat(b as string))],
  ['-', ([a, b]) => (b === undefined ? -(a as Loose) : (a as Loose) - (b as Loose))],
  ['/', ([a, b]) => (a as Loose) / (b as Loose)],
  ['min', (args) => Math.min(...(args as Loose[]))],
  ['max', (args) => Math.max(...(args as Loose[]))],
  ['merge', (args) => args.reduce((merged: unknown[], item) => merged.concat(item), [])],
  ['missing', (args, data) => missing(args, data)],
]);
