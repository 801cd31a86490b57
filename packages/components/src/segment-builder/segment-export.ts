import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { CrmUnsupportedError, CrmValidationError } from '@crmkit/core';
import {
  activityFields,
  customerFields,
  defaultActivities,
  defaultColumns,
  fromJsonLogic,
  nodeAtPath,
  normalizeRule as normalize,
  pluginOperators,
  readable,
  toJsonLogic,
  toSql,
  type SegmentField,
  type SegmentRule,
  type SqlActivities,
  type SqlColumn,
} from '@crmkit/segments';
import { CrmElement } from '../shared/crm-element.js';
import { controls, tokens } from '../shared/tokens.styles.js';
import { BuilderLink, type LinkedBuilder, type SegmentFollower } from './link.js';
import { CrmSegmentImportEvent } from './segment-builder.events.js';
import { companionStyles } from './segment-companions.styles.js';
import { SQL_DIALECTS, type SqlDialectName } from './segment-builder.types.js';

type Exported = { text: string; params?: string } | { reason: string; node?: string };

/**
 * A segment rule as JsonLogic and as SQL (PostgreSQL or SQLite), each copyable — or, where the rule has no exact
 * form there (case-insensitive text, behaviours in JsonLogic, computed fields, plugin operators), the reason and
 * the condition that stops it. Imports JsonLogic into the followed `<crm-segment-builder>` (`for`).
 *
 * @summary Export a segment rule to JsonLogic and SQL, import JsonLogic.
 *
 * @csspart base - The disclosure.
 * @csspart code - An export's text.
 * @csspart reason - Why a rule cannot be exported exactly.
 *
 * @fires {CrmSegmentImportEvent} crm-segment-import - JsonLogic was imported; cancelable.
 */
@customElement('crm-segment-export')
export class CrmSegmentExport extends CrmElement implements SegmentFollower {
  static override styles = [tokens, controls, companionStyles];

  /** The id of the `<crm-segment-builder>` whose rule to export and to import into. */
  @property() for = '';

  /** The rule to export, when no builder is followed. */
  @property({ attribute: false }) rule: SegmentRule | undefined;

  /** The level of the section headings among the page's headings (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** Starts open. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The customers table of the SQL export. */
  @property({ attribute: 'sql-table' }) sqlTable = 'customers';

  /** Field path → column; by default each path's own name (`address.city` → `address_city`, folded twin `address_city_folded`). */
  @property({ attribute: false }) sqlColumns: Record<string, SqlColumn> | undefined;

  /** The activities table, for behaviours; by default `activities` with `customer_id`, `type`, `at` and `data_*` columns. */
  @property({ attribute: false }) sqlActivities: SqlActivities | undefined;

  /** The time relative dates are exported against; now when unset. */
  @property({ attribute: false }) now: Date | undefined;

  @state() private dialect: SqlDialectName = 'postgres';
  @state() private importText = '';
  @state() private importError = '';
  @state() private announcement = '';
  @state() private blocked = false;

  private readonly builderLink = new BuilderLink(this, () => this.for);
  private exported: Record<string, string> = {};

  /** @internal Called by the followed builder when its rule changes. */
  follow(builder: LinkedBuilder): void {
    this.rule = builder.value;
    this.blocked = builder.issues.length > 0;
  }

  private s(key: string, params?: Record<string, string | number>): string {
    return this.i18n.t(`segment.${key}`, params);
  }

  private get fields(): readonly SegmentField[] {
    const crm = this.kit;
    return this.builderLink.builder?.fieldList ?? (crm ? customerFields(crm) : []);
  }

  /** The rule as JsonLogic or SQL, or why it has no exact form there (and the node that stops it). */
  private exportOf(format: string): Exported {
    const rule = this.rule;
    if (!rule || this.blocked) return { reason: this.s('exportInvalid') };
    const crm = this.kit;
    const options = {
      now: this.now ?? new Date(),
      locale: this.i18n.locale,
      fields: this.fields,
      operators: pluginOperators(crm),
    };
    try {
      if (format === 'jsonLogic') return { text: JSON.stringify(toJsonLogic(rule, options), null, 2) };
      const activity = crm
        ? crm.schemas
            .activityTypeNames()
            .flatMap((type) => activityFields(crm, type, (path) => ({ en: readable(path), tr: readable(path) })))
        : [];
      const query = toSql(rule, {
        ...options,
        dialect: this.dialect,
        table: this.sqlTable,
        columns: this.sqlColumns ?? defaultColumns(this.fields),
        activities: this.sqlActivities ?? defaultActivities(activity),
      });
      return { text: query.text, params: JSON.stringify(query.params) };
    } catch (error) {
      if (!(error instanceof CrmUnsupportedError || error instanceof CrmValidationError)) throw error;
      const path = error instanceof CrmUnsupportedError ? error.path : (error.issues[0]?.path ?? []);
      return { reason: error.message, node: path.length ? nodeAtPath(rule, path).node.id : undefined };
    }
  }

  private async copy(format: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.exported[format] ?? '');
      this.announcement = this.s('copied');
    } catch {
      this.announcement = this.s('copyFailed');
    }
  }

  private import(): void {
    try {
      const rule = normalize(fromJsonLogic(JSON.parse(this.importText)));
      this.importError = this.importText = '';
      this.announcement = this.s('imported');
      if (!this.dispatchEvent(new CrmSegmentImportEvent(rule))) return;
      const builder = this.builderLink.builder;
      if (builder) builder.applyRule(rule);
      else this.rule = rule;
    } catch (error) {
      this.importError =
        error instanceof SyntaxError
          ? this.s('notJson')
          : `${this.s('importFailed')} ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private block(format: 'jsonLogic' | 'sql', level: number): TemplateResult {
    const label = this.s(format);
    const result = this.exportOf(format);
    this.exported[format] = 'text' in result ? result.text : '';
    return html`<div id="h-${format}" role="heading" aria-level=${level} class="subtitle">${label}</div>
      ${
        'reason' in result
          ? html`<div part="reason" class="reason" data-format=${format} role="note">
              <p>${this.s('unsupported', { format: label })}</p>
              <p lang="en">${result.reason}</p>
              ${
                result.node && result.node !== this.rule?.id && this.builderLink.builder
                  ? html`<button type="button" @click=${() => this.builderLink.builder?.reveal(result.node!)}>
                      ${this.s('showNode')}
                    </button>`
                  : nothing
              }
            </div>`
          : html`<div part="code" class="code" data-format=${format}>
              <pre tabindex="0" aria-labelledby="h-${format}">${result.text}</pre>
              ${result.params ? html`<p class="muted">${this.s('params')}: <code>${result.params}</code></p>` : nothing}
              <button type="button" data-copy=${format} @click=${() => void this.copy(format)}>
                ${this.s('copy', { what: label })}
              </button>
            </div>`
      }`;
  }

  override render(): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    return html`<details
      part="base"
      class="frame"
      ?open=${this.open}
      @toggle=${(event: Event) => (this.open = (event.target as HTMLDetailsElement).open)}
    >
      <summary>${this.s('export')}</summary>
      ${
        this.open
          ? html`${this.block('jsonLogic', level)}
              <label
                >${this.s('dialect')}
                <select
                  @change=${(event: Event) => (this.dialect = (event.target as HTMLSelectElement).value as SqlDialectName)}
                >
                  ${SQL_DIALECTS.map(
                    (dialect) =>
                      html`<option value=${dialect} ?selected=${dialect === this.dialect}>${dialect}</option>`,
                  )}
                </select></label
              >
              ${this.block('sql', level)}
              <label for="import">${this.s('import')}</label>
              <textarea
                id="import"
                rows="4"
                spellcheck="false"
                aria-invalid=${!!this.importError}
                aria-describedby=${this.importError ? 'import-error' : nothing}
                .value=${live(this.importText)}
                @input=${(event: Event) => (this.importText = (event.target as HTMLTextAreaElement).value)}
              ></textarea>
              ${this.importError ? html`<p id="import-error" class="issue" role="alert">${this.importError}</p>` : nothing}
              <button type="button" data-import @click=${() => this.import()}>${this.s('importButton')}</button>`
          : nothing
      }
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-segment-export': CrmSegmentExport;
  }
}
