import type { NpsResponse } from '@crmkit/core';
import type { NpsResult, NpsTrendPoint } from '@crmkit/analytics';

/** What the breakdown groups answers by: where they were given, or the saved segments their customers belong to. */
export const NPS_REPORT_GROUPINGS = ['touchpoint', 'segment'] as const;
export type NpsReportGrouping = (typeof NPS_REPORT_GROUPINGS)[number];

/** The calendar periods of the trend (UTC). */
export const NPS_REPORT_PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export type NpsReportPeriod = (typeof NPS_REPORT_PERIODS)[number];

/** A saved segment and the customers it selects now. */
export interface SegmentMembers {
  id: string;
  name: string;
  members: ReadonlySet<string>;
}

/** What the report loads: the answers in range, and (for a breakdown by segment) the segments' members. */
export interface NpsReportData {
  responses: NpsResponse[];
  /** `unsupported`: the crm has no segment engine. Absent when grouping by touchpoint. */
  segments?: SegmentMembers[] | 'unsupported';
}

/** One row of the breakdown. */
export interface NpsReportGroup extends NpsResult {
  group: string;
}

/** The figures the report shows, computed from the data for the chosen period. */
export interface NpsReportFigures {
  overall: NpsResult;
  trend: NpsTrendPoint[];
  groups: NpsReportGroup[];
}
