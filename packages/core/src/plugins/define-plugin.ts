import { satisfies, validateStrict } from 'compare-versions';
import { CrmPluginError } from '../errors.js';
import type { CrmPlugin } from './types.js';

/** compare-versions reads ^ ~ >= < x-ranges and ||, but not the bare wildcard. */
const ANY = new Set(['*', 'x', 'X']);
const PLUGIN_ID = /^[a-z0-9][a-z0-9-]{0,63}(\/[a-z0-9][a-z0-9-]{0,63})?$/;

/** Whether `version` is in the semver `range`; false (not an exception) for a range that cannot be read. */
export function versionSatisfies(version: string, range: string): boolean {
  if (ANY.has(range.trim())) return true;
  try {
    return satisfies(version, range);
  } catch {
    return false;
  }
}

function isRange(range: string): boolean {
  if (ANY.has(range.trim())) return true;
  try {
    satisfies('0.0.0', range);
    return true;
  } catch {
    return false;
  }
}

/** Checks a plugin's declaration; throws `CrmPluginError` naming what is wrong. */
export function checkPluginShape(plugin: CrmPlugin): void {
  const id = typeof plugin?.id === 'string' ? plugin.id : '(no id)';
  const problem = (message: string) => new CrmPluginError(id, message);
  if (!plugin || typeof plugin !== 'object')
    throw new CrmPluginError('(none)', 'a plugin must be an object made by definePlugin');
  if (!PLUGIN_ID.test(id))
    throw problem('id must be lower-case letters, digits and dashes, optionally scoped like acme/repairs');
  if (typeof plugin.version !== 'string' || !validateStrict(plugin.version))
    throw problem(`version "${String(plugin.version)}" is not a semver version such as 1.2.0`);
  if (typeof plugin.kit !== 'string' || !isRange(plugin.kit))
    throw problem(`kit "${String(plugin.kit)}" is not a semver range such as ^0.1.0`);
  if (typeof plugin.register !== 'function') throw problem('register(ctx) is missing');
  for (const [required, range] of Object.entries(plugin.requires ?? {})) {
    if (typeof range !== 'string' || !isRange(range))
      throw problem(`requires.${required} "${String(range)}" is not a semver range`);
  }
}

/**
 * Declares a plugin. The declaration is checked now, so that a mistake shows where the plugin is written rather
 * than where a vendor installs it.
 */
export function definePlugin<P extends CrmPlugin>(plugin: P): P {
  checkPluginShape(plugin);
  return Object.freeze(plugin);
}
