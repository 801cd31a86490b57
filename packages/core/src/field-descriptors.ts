/**
 * The customer's fields as the segment builder and other generic UIs need them: dotted path, type, enum values
 * and a label in every language. Read off the zod schemas, so a field added to a schema appears here by itself.
 */
import type { z } from 'zod';
import type { FieldType, LocalizedText, SegmentFieldContribution } from './plugins/types.js';
import type { MessageCatalogue } from './i18n/messages.js';

export interface FieldDescriptor {
  path: string;
  type: FieldType;
  label: LocalizedText;
  enumValues?: readonly string[];
  /** `customer`, `custom`, `metrics`, or a plugin's own group. */
  group: string;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  format?: string;
}

const def = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Unwraps optional, default, nullable and transforms down to the schema that says what the value is. */
function core(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const d = def(current);
    if (
      (d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault') &&
      d.innerType
    )
      current = d.innerType;
    else if (d.type === 'pipe' && d.in) current = d.in;
    else return current;
  }
}

function describe(schema: z.ZodType): { type: FieldType; enumValues?: string[] } | 'object' | undefined {
  const d = def(core(schema));
  switch (d.type) {
    case 'string':
      return { type: d.format === 'datetime' ? 'date' : 'string' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'enum', enumValues: Object.values(d.entries ?? {}) };
    case 'array': {
      const element = d.element ? describe(d.element) : undefined;
      return element && element !== 'object' && element.type === 'enum'
        ? { type: 'array', enumValues: element.enumValues! }
        : { type: 'array' };
    }
    case 'object':
      return 'object';
    default:
      return undefined;
  }
}

/** Every leaf field of an object schema, depth first, skipping the system fields and open records. */
export function describeObject(
  schema: z.ZodType,
  label: (path: string) => LocalizedText,
  group: string,
  prefix = '',
  skip: ReadonlySet<string> = new Set(['id', 'rev']),
): FieldDescriptor[] {
  const shape = def(core(schema)).shape ?? {};
  const fields: FieldDescriptor[] = [];
  for (const [key, child] of Object.entries(shape)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (skip.has(path)) continue;
    const described = describe(child);
    if (described === 'object') fields.push(...describeObject(child, label, group, path, skip));
    else if (described) fields.push({ path, label: label(path), group, ...described });
  }
  return fields;
}

/** A label from the catalogue (`customer.<path>`), else the path's last word made readable. */
export function catalogueLabel(catalogue: MessageCatalogue, namespace: string): (path: string) => LocalizedText {
  return (path) => {
    const key = `${namespace}.${path}`;
    const fallback = (path.split('.').pop() ?? path)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/^./, (c) => c.toUpperCase());
    return {
      en: catalogue.has(key, 'en') ? catalogue.translate(key, {}, 'en') : fallback,
      tr: catalogue.has(key, 'tr') ? catalogue.translate(key, {}, 'tr') : fallback,
    };
  };
}

/** Merges field lists by path; later lists win (a plugin's segment field refines a schema field). */
export function mergeFields(
  ...lists: ReadonlyArray<ReadonlyArray<FieldDescriptor | SegmentFieldContribution>>
): FieldDescriptor[] {
  const byPath = new Map<string, FieldDescriptor>();
  for (const list of lists) {
    for (const field of list)
      byPath.set(field.path, {
        ...byPath.get(field.path),
        ...field,
        group: field.group ?? byPath.get(field.path)?.group ?? 'plugin',
      });
  }
  return [...byPath.values()];
}
