/** Field descriptors: what the builder lists, what validation checks against, and where computed values come from. */
import type { FieldType, Operator } from './operators.js';

export interface SegmentField {
  /** A dotted path into the customer (`address.city`, `metrics.clv`), or a computed field's own name. */
  path: string;
  /** A plain string, or one per locale (`{ en: 'City', tr: 'Şehir' }`). */
  label?: string | Readonly<Record<string, string>>;
  type: FieldType;
  /** The operators offered; the type's `DEFAULT_OPERATORS` when absent. */
  operators?: readonly Operator[];
  /** For `enum` fields (and arrays of known values): the allowed values. */
  enumValues?: readonly string[];
  /** Where the builder lists it (`Contact`, `Analytics`, …). */
  group?: string;
  /** A computed field: its value for a customer. Evaluated in memory only (JsonLogic and SQL refuse it). */
  get?(customer: unknown): unknown;
}
