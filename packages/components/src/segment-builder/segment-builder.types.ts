import type { ConsentChannel } from '@crmkit/core';
import type { SegmentRule } from '@crmkit/segments';

/** The SQL dialects the export panel writes. */
export const SQL_DIALECTS = ['postgres', 'sqlite'] as const;
export type SqlDialectName = (typeof SQL_DIALECTS)[number];

/** How a behavioural condition reads: "did" or "did not" do the activity. */
export const EVENT_MODES = ['did', 'didNot'] as const;
export type EventMode = (typeof EVENT_MODES)[number];

/** "at least N times" or "exactly N times" (a "did not" condition is always "at least"). */
export const EVENT_FREQUENCIES = ['gte', 'eq'] as const;
export type EventFrequency = (typeof EVENT_FREQUENCIES)[number];

export { VALUE_EDITORS } from '@crmkit/segments';
export type { BuilderNode, NodeIssue, ValueEditor } from '@crmkit/segments';

/** The consent guard: the channel a campaign will use, and whether members without consent are left out. */
export interface ConsentGuard {
  channel: ConsentChannel | '';
  exclude: boolean;
}

/** The live count: what the crm answered for the current rule. */
export interface CountResult {
  count: number;
  exact: boolean;
  /** The first members' names. */
  preview: string[];
  /** How many members may be contacted on the consent channel. */
  contactable?: number;
}

export type CountState =
  | { state: 'idle' }
  | { state: 'counting'; previous?: CountResult }
  | ({ state: 'done' } & CountResult)
  | { state: 'blocked' }
  | { state: 'empty' }
  | { state: 'unsupported' }
  | { state: 'error' };

export type { SegmentRule };
