/**
 * The context key through which `<crm-provider>` hands its crm to every `crm-*` element inside it. A symbol from
 * the global registry, so that two copies of this package on one page still find each other.
 */
import { createContext } from '@lit/context';
import type { Crm } from '@crmkit/core';

export const crmContext = createContext<Crm | undefined>(Symbol.for('crmkit.crm'));
