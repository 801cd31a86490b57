/**
 * The schemas a crm validates with: the core schemas extended by what plugins registered (custom fields on
 * customers, activity types with their own `data` schema). Every write goes through `parseInput`.
 */
import { z } from 'zod';
import type { CollectionName } from './collections.js';
import { CrmValidationError, type CrmIssue } from './errors.js';
import {
  COLLECTION_FIELDS,
  CORE_ACTIVITY_DATA,
  consentRecipientProblem as checkConsentRecipient,
  computeTotals,
  SALES_DOCUMENT_STATUSES,
  systemFields,
  type ConsentChannel,
  type SalesDocumentKind,
  type SalesLine,
  type Totals,
} from './schemas/index.js';

export interface CustomFieldDefinition {
  /** The key under `customer.custom`. */
  name: string;
  schema: z.ZodType;
  /** Required fields must be present on every customer written after the plugin is installed. */
  required?: boolean;
  pluginId?: string;
}

export interface ActivityTypeDefinition {
  type: string;
  schema: z.ZodType;
  pluginId?: string;
}

const optionalSystemFields = {
  id: systemFields.id.optional(),
  rev: systemFields.rev.optional(),
  createdAt: systemFields.createdAt.optional(),
  updatedAt: systemFields.updatedAt.optional(),
};

/** zod's issues as the kit's path-addressed issues, under `prefix`. */
export function toIssues(error: z.ZodError, prefix: ReadonlyArray<string | number> = []): CrmIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))],
    message: issue.message,
    code: issue.code,
  }));
}

export class SchemaRegistry {
  private readonly customFields = new Map<string, CustomFieldDefinition>();
  private readonly activityTypes = new Map<string, ActivityTypeDefinition>();
  private readonly inputSchemas = new Map<CollectionName, z.ZodObject>();

  constructor() {
    for (const [type, schema] of Object.entries(CORE_ACTIVITY_DATA)) this.activityTypes.set(type, { type, schema });
  }

  addCustomField(definition: CustomFieldDefinition): void {
    if (this.customFields.has(definition.name)) {
      throw new Error(
        `custom field "${definition.name}" is already registered by ${this.customFields.get(definition.name)?.pluginId ?? 'the core'}`,
      );
    }
    this.customFields.set(definition.name, definition);
    this.inputSchemas.delete('customers');
  }

  removeCustomField(name: string): void {
    this.customFields.delete(name);
    this.inputSchemas.delete('customers');
  }

  addActivityType(definition: ActivityTypeDefinition): void {
    if (this.activityTypes.has(definition.type)) {
      throw new Error(
        `activity type "${definition.type}" is already registered by ${this.activityTypes.get(definition.type)?.pluginId ?? 'the core'}`,
      );
    }
    this.activityTypes.set(definition.type, definition);
  }

  removeActivityType(type: string): void {
    this.activityTypes.delete(type);
  }

  activityTypeNames(): string[] {
    return [...this.activityTypes.keys()];
  }

  customFieldDefinitions(): CustomFieldDefinition[] {
    return [...this.customFields.values()];
  }

  private inputSchema(collection: CollectionName): z.ZodObject {
    let schema = this.inputSchemas.get(collection);
    if (!schema) {
      const shape: Record<string, z.ZodType> = { ...optionalSystemFields, ...COLLECTION_FIELDS[collection] };
      if (collection === 'customers') {
        const custom: Record<string, z.ZodType> = {};
        for (const field of this.customFields.values())
          custom[field.name] = field.required ? field.schema : field.schema.optional();
        shape.custom = z.strictObject(custom).default({});
      }
      schema = z.strictObject(shape);
      this.inputSchemas.set(collection, schema);
    }
    return schema;
  }

  /** Parses one input for `collection`: the value with defaults applied, or a `CrmValidationError` naming every bad field. */
  parseInput(collection: CollectionName, input: unknown): Record<string, unknown> {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw new CrmValidationError([{ path: [], message: 'must be an object', code: 'invalid_type' }], collection);
    }
    const result = this.inputSchema(collection).safeParse(input);
    const issues: CrmIssue[] = result.success ? [] : toIssues(result.error);
    const value = (result.success ? result.data : input) as Record<string, unknown>;
    issues.push(...this.refine(collection, value, result.success));
    if (issues.length) throw new CrmValidationError(issues, collection);
    return value;
  }

  /** Checks that span fields (and plugin schemas), run after the field-level parse. */
  private refine(collection: CollectionName, value: Record<string, unknown>, parsed: boolean): CrmIssue[] {
    const issues: CrmIssue[] = [];
    if (collection === 'activities' && typeof value.type === 'string') {
      const definition = this.activityTypes.get(value.type);
      if (!definition) {
        issues.push({
          path: ['type'],
          message: `unknown activity type; known: ${this.activityTypeNames().join(', ')}`,
          code: 'invalid_value',
        });
      } else {
        const data = definition.schema.safeParse(value.data);
        if (data.success) value.data = data.data;
        else issues.push(...toIssues(data.error, ['data']));
      }
    }
    if (!parsed) return issues;
    if (collection === 'consents') {
      const problem = checkConsentRecipient(value as { channel: ConsentChannel; recipient: string });
      if (problem) issues.push(problem);
    }
    if (collection === 'salesDocuments') issues.push(...refineSalesDocument(value));
    return issues;
  }
}

function refineSalesDocument(value: Record<string, unknown>): CrmIssue[] {
  const issues: CrmIssue[] = [];
  const kind = value.kind as SalesDocumentKind;
  const statuses: readonly string[] = SALES_DOCUMENT_STATUSES[kind];
  if (!statuses.includes(value.status as string)) {
    issues.push({
      path: ['status'],
      message: `must be one of ${statuses.join(', ')} for a ${kind}`,
      code: 'invalid_value',
    });
  }
  if (kind === 'quote' && value.fromQuoteId !== undefined) {
    issues.push({ path: ['fromQuoteId'], message: 'a quote does not come from a quote', code: 'custom' });
  }
  const computed = computeTotals(value.lines as SalesLine[]);
  const given = value.totals as Totals | undefined;
  if (!given) value.totals = computed;
  else {
    for (const key of ['net', 'tax', 'gross'] as const) {
      if (Math.abs(given[key] - computed[key]) > 0.005) {
        issues.push({
          path: ['totals', key],
          message: `is ${given[key]} but the lines add up to ${computed[key]}`,
          code: 'custom',
        });
      }
    }
  }
  return issues;
}
