/**
 * What an activity shows: core types have views here, plugin types are rendered by their plugin inside
 * `crm.host.run`, so a renderer that throws turns its plugin off and its items read as a fallback row. Views are
 * plain text (`TimelineItemView`): nothing from data or plugins ever becomes HTML.
 */
import { foldForSearch, type Activity, type Crm, type TimelineItemView } from '@crmkit/core';
import type { LocaleController } from '../shared/locale-controller.js';
import type { TimelineEntry } from './timeline.types.js';

type Data = Record<string, unknown>;

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : typeof value === 'number' ? String(value) : undefined;

function field(label: string, value: unknown): Array<{ label: string; value: string }> {
  const text = str(value);
  return text ? [{ label, value: text }] : [];
}

function coreView(activity: Activity, i18n: LocaleController): TimelineItemView | undefined {
  const t = (key: string, params?: Record<string, string | number>) => i18n.t(key, params);
  const data = (activity.data ?? {}) as Data;
  switch (activity.type) {
    case 'note':
      return { title: t('activity.note'), summary: str(data.text) };
    case 'call':
      return {
        title: `${t('activity.call')} · ${t(data.direction === 'inbound' ? 'timeline.inbound' : 'timeline.outbound')}`,
        summary: str(data.notes),
        fields: [
          ...field(t('timeline.outcome'), data.outcome),
          ...(typeof data.durationSec === 'number'
            ? [{ label: t('timeline.duration'), value: i18n.number(Math.round(data.durationSec / 60)) }]
            : []),
        ],
      };
    case 'email':
      return {
        title: str(data.subject) ?? t('activity.email'),
        summary: str(data.body),
        status: { label: t(data.direction === 'inbound' ? 'timeline.inbound' : 'timeline.outbound'), tone: 'neutral' },
      };
    case 'meeting':
      return {
        title: str(data.title) ?? t('activity.meeting'),
        summary: str(data.notes),
        fields: [...field(t('customer.address.city'), data.location)],
      };
    case 'task':
      return {
        title: str(data.title) ?? t('activity.task'),
        summary: str(data.notes),
        status:
          data.done === true
            ? { label: t('timeline.done'), tone: 'success' }
            : { label: t('timeline.open'), tone: 'info' },
      };
    case 'purchase':
      return {
        title: t('activity.purchase'),
        summary:
          typeof data.total === 'number' && typeof data.currency === 'string'
            ? i18n.money(data.total, data.currency)
            : undefined,
        fields: [...field('#', data.orderId), ...field(t('activity.purchase'), data.store)],
      };
    case 'ticket':
      return {
        title: str(data.subject) ?? t('activity.ticket'),
        status: { label: str(data.status) ?? '', tone: 'info' },
      };
    case 'nps':
      return {
        title: `${t('activity.nps')}: ${str(data.score) ?? '–'}`,
        summary: str(data.comment),
        fields: [...field(t('activity.nps'), data.touchpoint)],
      };
    case 'consent':
      return {
        title: `${t(`consent.channel.${String(data.channel)}`)}: ${t(`consent.status.${String(data.status)}`)}`,
        fields: [...field(t('consent.source', { source: '' }).replace(/:\s*$/, ''), data.source)],
      };
    default:
      return undefined;
  }
}

/** The view of any activity: core, plugin, or a fallback that names the type. */
export function viewOf(crm: Crm, activity: Activity, i18n: LocaleController): TimelineItemView {
  const core = coreView(activity, i18n);
  if (core) return core;
  // Found among all contributions, active or not: a plugin switched off still names its items in the fallback.
  const contribution = crm.host.contributions.timelineTypes.find((type) => type.type === activity.type);
  const fallback: TimelineItemView = {
    title: contribution ? (contribution.label[i18n.locale] ?? contribution.label.en) : activity.type,
    summary: i18n.t('timeline.renderFailed'),
    status: { label: activity.type, tone: 'warning' },
  };
  if (!contribution) return fallback;
  const view = crm.host.run(
    contribution.pluginId,
    'render',
    () => contribution.render(activity as never, { locale: i18n.locale, t: (key, params) => i18n.t(key, params) }),
    fallback,
  );
  return isView(view) ? view : fallback;
}

function isField(value: unknown): boolean {
  const pair = value as { label?: unknown; value?: unknown } | null;
  return typeof pair?.label === 'string' && typeof pair.value === 'string';
}

/** A renderer is plugin code: check the shape instead of trusting it. */
function isView(value: unknown): value is TimelineItemView {
  if (!value || typeof value !== 'object') return false;
  const view = value as Partial<TimelineItemView>;
  return (
    typeof view.title === 'string' &&
    (view.summary === undefined || typeof view.summary === 'string') &&
    (view.fields === undefined || (Array.isArray(view.fields) && (view.fields as unknown[]).every(isField)))
  );
}

export function entryOf(crm: Crm, activity: Activity, i18n: LocaleController): TimelineEntry {
  const view = viewOf(crm, activity, i18n);
  const text = [view.title, view.summary, view.status?.label, activity.by, ...(view.fields ?? []).map((f) => f.value)]
    .filter(Boolean)
    .join(' ');
  return { activity, view, haystack: foldForSearch(text, i18n.locale) };
}
