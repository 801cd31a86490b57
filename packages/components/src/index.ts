/** @crmkit/components: importing this module defines every `crm-*` element. */
export { CrmElement } from './shared/crm-element.js';
export { crmContext } from './shared/crm-context.js';
export { LocaleController, nearestLang } from './shared/locale-controller.js';
export { tokens, controls, crmThemeStyles, adoptCrmTheme } from './shared/tokens.styles.js';
export { CrmErrorEvent } from './shared/events.js';
export { CrmProvider } from './provider/provider.js';
export { CrmCustomerCard } from './customer-card/customer-card.js';
export {
  CrmCustomerBeforeSaveEvent,
  CrmCustomerSaveEvent,
  CrmCustomerConflictEvent,
  CrmContactEvent,
  CrmCardActionEvent,
} from './customer-card/customer-card.events.js';
export { CARD_VARIANTS, type CardVariant, type CardData } from './customer-card/customer-card.types.js';
export { CrmTimeline } from './timeline/timeline.js';
export {
  CrmTimelineItemOpenEvent,
  CrmActivityBeforeCreateEvent,
  CrmActivityCreateEvent,
} from './timeline/timeline.events.js';
export { COMPOSER_TYPES, type ComposerType } from './timeline/timeline.types.js';
export { CrmNpsWidget } from './nps-widget/nps-widget.js';
export {
  CrmNpsSubmitEvent,
  CrmNpsChangeEvent,
  CrmNpsDismissEvent,
  CrmNpsSkipEvent,
  type NpsAnswer,
} from './nps-widget/nps-widget.events.js';
export {
  NPS_WIDGET_MODES,
  NPS_SKIP_REASONS,
  NPS_SCORES,
  NPS_DEFAULTS,
  type NpsWidgetMode,
  type NpsSkipReason,
  type NpsText,
  type NpsTexts,
} from './nps-widget/nps-widget.types.js';
export { npsWidgetPlugin, NPS_DISMISSED_TYPE } from './nps-widget/nps-plugin.js';
export { npsSampled, npsEligibility, type NpsEligibility } from './nps-widget/eligibility.js';
export { NpsOutbox, flushNpsOutbox, type OutboxEntry, type OutboxRow } from './nps-widget/outbox.js';
export { CrmSegmentBuilder } from './segment-builder/segment-builder.js';
export { CrmSegmentAudience } from './segment-builder/segment-audience.js';
export { CrmSegmentExport } from './segment-builder/segment-export.js';
export { CrmSegmentLibrary } from './segment-builder/segment-library.js';
export { grantedIds } from './segment-builder/audience.js';
export {
  CrmSegmentChangeEvent,
  CrmSegmentSaveEvent,
  CrmSegmentImportEvent,
  CrmAudienceChangeEvent,
} from './segment-builder/segment-builder.events.js';
export {
  SQL_DIALECTS,
  EVENT_MODES,
  EVENT_FREQUENCIES,
  VALUE_EDITORS,
  type SqlDialectName,
  type EventMode,
  type EventFrequency,
  type ValueEditor,
  type NodeIssue,
  type ConsentGuard,
  type CountResult,
} from './segment-builder/segment-builder.types.js';
export type { LinkedBuilder, SegmentFollower } from './segment-builder/link.js';
export { CrmNpsReport } from './nps-report/nps-report.js';
export {
  NPS_REPORT_GROUPINGS,
  NPS_REPORT_PERIODS,
  type NpsReportGrouping,
  type NpsReportPeriod,
  type NpsReportData,
  type NpsReportFigures,
  type NpsReportGroup,
  type SegmentMembers,
} from './nps-report/nps-report.types.js';
