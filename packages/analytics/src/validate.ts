/**
 * Input checks shared by every analytics function. Inputs can be tens of thousands of rows, so the checks
 * are hand-written loops (no per-row schema objects); they collect the first problems with their field
 * paths and throw one `CrmValidationError` naming the function, before anything is computed.
 */
import { CrmValidationError, type CrmIssue } from '@crmkit/core';

const MAX_ISSUES = 20;

export class IssueCollector {
  readonly issues: CrmIssue[] = [];
  constructor(readonly target: string) {}

  add(path: ReadonlyArray<string | number>, message: string, code = 'custom'): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, message, code });
  }

  get full(): boolean {
    return this.issues.length >= MAX_ISSUES;
  }

  /** A finite number, optionally ≥ min (or > min when `exclusive`). Returns the number or undefined. */
  number(
    value: unknown,
    path: ReadonlyArray<string | number>,
    options: { min?: number; exclusive?: boolean; integer?: boolean; max?: number } = {},
  ): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(path, `expected a finite number, received ${describe(value)}`, 'invalid_type');
      return undefined;
    }
    if (options.integer && !Number.isInteger(value)) {
      this.add(path, `expected an integer, received ${value}`, 'invalid_type');
      return undefined;
    }
    const { min, max, exclusive } = options;
    if (min !== undefined && (exclusive ? !(value > min) : !(value >= min))) {
      this.add(path, `must be ${exclusive ? 'greater than' : 'at least'} ${min}, received ${value}`, 'too_small');
      return undefined;
    }
    if (max !== undefined && value > max) {
      this.add(path, `must be at most ${max}, received ${value}`, 'too_big');
      return undefined;
    }
    return value;
  }

  array(value: unknown, path: ReadonlyArray<string | number>): value is readonly unknown[] {
    if (Array.isArray(value)) return true;
    this.add(path, `expected an array, received ${describe(value)}`, 'invalid_type');
    return false;
  }

  record(value: unknown, path: ReadonlyArray<string | number>): value is Record<string, unknown> {
    if (value !== null && typeof value === 'object') return true;
    this.add(path, `expected an object, received ${describe(value)}`, 'invalid_type');
    return false;
  }

  id(value: unknown, path: ReadonlyArray<string | number>): string | undefined {
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    this.add(path, `expected a non-empty string or number id, received ${describe(value)}`, 'invalid_type');
    return undefined;
  }

  /** Throws the collected issues, if any. */
  throwIfAny(): void {
    if (this.issues.length) throw new CrmValidationError(this.issues, this.target);
  }
}

/** Throws a `CrmValidationError` for one problem at once. */
export function invalid(target: string, path: ReadonlyArray<string | number>, message: string, code = 'custom'): never {
  throw new CrmValidationError([{ path, message, code }], target);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  return typeof value;
}

/** The value at a dotted path (`acquisition.channel`) of a plain object, or undefined. */
export function valueAtPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
