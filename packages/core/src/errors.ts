/**
 * The kit's typed errors. Every public API refuses bad input with one of these, never with a bare Error,
 * so that callers can branch on `instanceof` or on `code` (codes survive structured cloning to workers).
 */

/** One problem with an input, addressed by the path of the offending field. */
export interface CrmIssue {
  /** Path of the field inside the input, e.g. `['address', 'city']` or `['lines', 2, 'quantity']`. */
  path: ReadonlyArray<string | number>;
  /** A sentence for a developer, in English. */
  message: string;
  /** A machine-readable reason, e.g. `invalid_type`, `too_big`, `custom`. */
  code: string;
}

export type CrmErrorCode =
  'validation' | 'conflict' | 'not_found' | 'storage' | 'plugin' | 'unsupported' | 'unknown_collection' | 'closed';

export class CrmError extends Error {
  readonly code: CrmErrorCode;
  constructor(code: CrmErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Invalid input: nothing was written. `issues` name each offending field path and the reason. */
export class CrmValidationError extends CrmError {
  readonly issues: readonly CrmIssue[];
  /** The collection or API that refused the input, when there is one. */
  readonly target: string | undefined;
  constructor(issues: readonly CrmIssue[], target?: string, options?: { cause?: unknown }) {
    super('validation', formatIssues(issues, target), options);
    this.issues = issues;
    this.target = target;
  }
}

/** A write carried a stale `rev`: someone else changed the document meanwhile. `current` is the stored version. */
export class CrmConflictError<T = unknown> extends CrmError {
  readonly id: string;
  readonly current: T | undefined;
  readonly collection: string | undefined;
  constructor(id: string, current: T | undefined, collection?: string) {
    super(
      'conflict',
      `${collection ? collection + '/' : ''}${id} was changed by someone else (stored rev ${revOf(current) ?? 'none'}); reload and apply the change again`,
    );
    this.id = id;
    this.current = current;
    this.collection = collection;
  }
}

export class CrmNotFoundError extends CrmError {
  readonly id: string;
  readonly collection: string;
  constructor(collection: string, id: string) {
    super('not_found', `${collection}/${id} does not exist`);
    this.id = id;
    this.collection = collection;
  }
}

export type CrmStorageErrorCode = 'quota_exceeded' | 'aborted' | 'unavailable' | 'closed' | 'version' | 'unknown';

/** The storage failed. `retryable` says whether the same call may succeed later (e.g. a lost connection). */
export class CrmStorageError extends CrmError {
  readonly storageCode: CrmStorageErrorCode;
  readonly retryable: boolean;
  constructor(storageCode: CrmStorageErrorCode, message: string, options?: { retryable?: boolean; cause?: unknown }) {
    super('storage', message, options);
    this.storageCode = storageCode;
    this.retryable = options?.retryable ?? (storageCode === 'unavailable' || storageCode === 'aborted');
  }
}

/** A plugin was refused, or threw and was disabled. */
export class CrmPluginError extends CrmError {
  readonly pluginId: string;
  constructor(pluginId: string, message: string, options?: { cause?: unknown }) {
    super('plugin', `plugin "${pluginId}": ${message}`, options);
    this.pluginId = pluginId;
  }
}

/** The request is well-formed but cannot be honoured exactly (e.g. a rule that has no exact JsonLogic form). */
export class CrmUnsupportedError extends CrmError {
  readonly path: ReadonlyArray<string | number>;
  constructor(message: string, path: ReadonlyArray<string | number> = []) {
    super('unsupported', path.length ? `${message} (at ${formatPath(path)})` : message);
    this.path = path;
  }
}

export class CrmUnknownCollectionError extends CrmError {
  readonly collection: string;
  constructor(collection: string, known: readonly string[]) {
    super('unknown_collection', `unknown collection "${collection}"; known: ${known.join(', ')}`);
    this.collection = collection;
  }
}

export function formatPath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '(root)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function formatIssues(issues: readonly CrmIssue[], target?: string): string {
  const head = target ? `invalid ${target}` : 'invalid input';
  const shown = issues.slice(0, 5).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
  return `${head}: ${shown.join('; ')}${more}`;
}

function revOf(doc: unknown): string | undefined {
  return doc && typeof doc === 'object' && 'rev' in doc ? String(doc.rev) : undefined;
}
