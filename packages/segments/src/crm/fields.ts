/**
 * The field registry of a crm, as the segment builder shows it and the engine validates against: the customer
 * schema's fields, custom fields, metrics and plugin segment fields (`crm.fields()`), with the operators each
 * offers, the plugins' operators among them. Plugin code (a field's `get`, an operator's `evaluate`) runs through
 * the crm's plugin host, so a plugin that throws or hangs is disabled rather than breaking a count.
 */
import type { Crm, Customer, FieldDescriptor, SegmentFieldContribution } from '@crmkit/core';
import type { SegmentField } from '../fields.js';
import { isBuiltinOperator, type SegmentOperator } from '../operators.js';
import { allowedOperators } from '../validate.js';

const METRICS = 'metrics.';

/** A stored customer: only those have a revision that the metrics cache can key on. */
function isStoredCustomer(value: unknown): value is Customer {
  if (value === null || typeof value !== 'object') return false;
  const { id, rev } = value as { id?: unknown; rev?: unknown };
  return typeof id === 'string' && typeof rev === 'string';
}

/**
 * The plugins' segment operators, ready for `validateSegment` and `compileSegment`. An operator that would
 * replace a built-in one (`eq`) is left out: the engine's meaning of the built-ins cannot be changed.
 */
export function segmentOperators(crm: Crm): SegmentOperator[] {
  return crm.plugins
    .segmentOperators()
    .filter((operator) => !isBuiltinOperator(operator.id))
    .map((operator) => ({
      id: operator.id,
      types: operator.types,
      label: operator.label,
      evaluate: (fieldValue: unknown, ruleValue: unknown) =>
        crm.host.run(operator.pluginId, 'metric', () => operator.evaluate(fieldValue, ruleValue) === true, false),
    }));
}

export interface CrmFieldOptions {
  /**
   * How a metric field reads the value of a customer: the engine's cache keeps metrics with each cached revision.
   * By default a stored customer's metrics come from `crm.metrics` (cached by the crm per revision).
   */
  readMetric?: (customer: Customer, id: string) => unknown;
}

/**
 * The crm's fields as segment fields. Metric fields (`metrics.*`) are computed: a stored customer's value is the
 * one `crm.metrics.attach` gives it (cached by the crm per customer revision), so a rule on `metrics.vipTier` works
 * on the stored customers as they are; an object that is not a stored customer (no `id` and `rev`) is read as it is.
 * A plugin field with its own `get` keeps it. Each field lists the operators offered on it.
 */
export function segmentFields(crm: Crm, options: CrmFieldOptions = {}): SegmentField[] {
  const contributions = new Map<string, SegmentFieldContribution & { pluginId: string }>(
    crm.plugins.segmentFields().map((field) => [field.path, field]),
  );
  const operators = segmentOperators(crm);
  return crm.fields().map((descriptor) => {
    const contribution = contributions.get(descriptor.path);
    const field: SegmentField = {
      path: descriptor.path,
      label: descriptor.label,
      type: descriptor.type,
      group: descriptor.group,
      ...(descriptor.enumValues ? { enumValues: descriptor.enumValues } : {}),
    };
    field.operators = contribution?.operators ?? allowedOperators(field, operators);
    const get = getterFor(crm, descriptor, contribution, options);
    if (get) field.get = get;
    return field;
  });
}

function getterFor(
  crm: Crm,
  descriptor: FieldDescriptor,
  contribution: (SegmentFieldContribution & { pluginId: string }) | undefined,
  options: CrmFieldOptions,
): SegmentField['get'] {
  if (contribution?.get) {
    const { pluginId } = contribution;
    const read = contribution.get.bind(contribution);
    return (customer) => crm.host.run(pluginId, 'metric', () => read(customer as Customer), undefined);
  }
  if (!descriptor.path.startsWith(METRICS)) return undefined;
  const id = descriptor.path.slice(METRICS.length);
  const read = options.readMetric ?? ((customer: Customer) => crm.metrics.compute(customer)[id]?.value);
  return (customer) => {
    if (isStoredCustomer(customer)) return read(customer, id);
    const metrics = (customer as { metrics?: unknown } | null | undefined)?.metrics;
    return metrics !== null && typeof metrics === 'object' && Object.hasOwn(metrics, id)
      ? (metrics as Record<string, unknown>)[id]
      : undefined;
  };
}
