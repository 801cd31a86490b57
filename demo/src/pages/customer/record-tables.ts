/**
 * The sales documents and tickets tables. Every value goes in as text (Lit escapes it): numbers, subjects and notes
 * are typed by people and must never become markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatMoney, type SalesDocument, type Ticket } from '@crmkit/core';
import type { CustomerPageMessages } from './messages.js';
import { grossTotal } from './customer-data.js';

export interface TableText {
  m: CustomerPageMessages;
  /** The Intl tag of the page's language. */
  tag: string;
}

/** `undefined` rows: still loading; `failed`: the read failed (the rest of the page still works). */
export interface RowsState<T> {
  rows: T[] | undefined;
  failed: boolean;
}

function placeholder(state: RowsState<unknown>, { m }: TableText, empty: string): TemplateResult | undefined {
  if (state.failed) return html`<p class="failure" role="alert">${m.sectionFailed}</p>`;
  if (!state.rows) return html`<p class="muted" role="status">${m.loadingRows}</p>`;
  if (!state.rows.length) return html`<p class="muted">${empty}</p>`;
  return undefined;
}

/**
 * On a phone the columns do not fit: the table keeps its width and scrolls sideways inside a focusable group, so
 * keyboard users can scroll it too (a group, not a region: the section around it is the region of that name).
 */
function scroller(labelledBy: string, table: TemplateResult): TemplateResult {
  return html`<div class="scroller" role="group" aria-labelledby=${labelledBy} tabindex="0">${table}</div>`;
}

export function documentsTable(
  state: RowsState<SalesDocument>,
  text: TableText,
  more: { hasMore: boolean; busy: boolean; load: () => void },
): TemplateResult {
  const { m, tag } = text;
  const early = placeholder(state, text, m.noSalesDocuments);
  if (early) return early;
  return html`${scroller(
    'documents-heading',
    html`<table aria-labelledby="documents-heading">
      <thead>
        <tr>
          <th scope="col">${m.number}</th>
          <th scope="col">${m.kindColumn}</th>
          <th scope="col">${m.statusColumn}</th>
          <th scope="col">${m.date}</th>
          <th scope="col" class="amount">${m.total}</th>
        </tr>
      </thead>
      <tbody>
        ${state.rows!.map(
          (doc) =>
            html`<tr data-id=${doc.id} data-kind=${doc.kind}>
              <th scope="row">${doc.number}</th>
              <td>${m.kind(doc.kind)}</td>
              <td><span class="status status-${doc.status}">${m.status(doc.status)}</span></td>
              <td><time datetime=${doc.issuedAt}>${formatDate(doc.issuedAt, tag)}</time></td>
              <td class="amount">${formatMoney(grossTotal(doc), doc.currency, tag)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  )}
  ${
    more.hasMore
      ? html`<button type="button" data-action="more-documents" ?disabled=${more.busy} @click=${more.load}>
          ${m.showMore}
        </button>`
      : nothing
  }`;
}

export function ticketsTable(state: RowsState<Ticket>, text: TableText): TemplateResult {
  const { m, tag } = text;
  const early = placeholder(state, text, m.noTickets);
  if (early) return early;
  return scroller(
    'tickets-heading',
    html`<table aria-labelledby="tickets-heading">
      <thead>
        <tr>
          <th scope="col">${m.subject}</th>
          <th scope="col">${m.statusColumn}</th>
          <th scope="col">${m.priorityColumn}</th>
          <th scope="col">${m.opened}</th>
        </tr>
      </thead>
      <tbody>
        ${state.rows!.map(
          (ticket) =>
            html`<tr data-id=${ticket.id}>
              <th scope="row">${ticket.subject}</th>
              <td><span class="status status-${ticket.status}">${m.ticketStatus(ticket.status)}</span></td>
              <td><span class="priority priority-${ticket.priority}">${m.priority(ticket.priority)}</span></td>
              <td><time datetime=${ticket.createdAt}>${formatDate(ticket.createdAt, tag)}</time></td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}
