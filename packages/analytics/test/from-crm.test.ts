import { expect } from 'chai';
import { CrmValidationError, type SalesDocument } from '@crmkit/core';
import {
  npsByTouchpoint,
  summarizeTransactions,
  transactionsFromPurchases,
  transactionsFromSalesDocuments,
} from '@crmkit/analytics';

type Doc = Pick<SalesDocument, 'customerId' | 'kind' | 'status' | 'currency' | 'lines' | 'issuedAt'> & {
  totals?: SalesDocument['totals'];
};
const line = (unitPrice: number) => ({ description: 'item', quantity: 1, unitPrice, taxRate: 0.2, discount: 0 });
const doc = (over: Partial<Doc>): Doc => ({
  customerId: 'c1',
  kind: 'order',
  status: 'fulfilled',
  currency: 'TRY',
  lines: [line(100)],
  issuedAt: '2024-03-01T10:00:00.000Z',
  ...over,
});

describe('from crm documents', () => {
  it('turns orders that are not cancelled into transactions, valued net by default', () => {
    const documents = [
      doc({}),
      doc({ status: 'cancelled' }),
      doc({ kind: 'invoice', status: 'paid' }),
      doc({ kind: 'quote', status: 'accepted' }),
      doc({ customerId: 'c2', lines: [line(50), line(25)], issuedAt: '2024-03-05T10:00:00.000Z' }),
    ];
    expect(transactionsFromSalesDocuments(documents)).to.deep.equal([
      { customerId: 'c1', at: '2024-03-01T10:00:00.000Z', amount: 100 },
      { customerId: 'c2', at: '2024-03-05T10:00:00.000Z', amount: 75 },
    ]);
    expect(transactionsFromSalesDocuments(documents, { kinds: ['invoice'], amount: 'gross' })).to.deep.equal([
      { customerId: 'c1', at: '2024-03-01T10:00:00.000Z', amount: 120 },
    ]);
    expect(
      summarizeTransactions(transactionsFromSalesDocuments(documents), { unit: 'day', observationEnd: '2024-04-01' }),
    ).to.have.length(2);
  });

  it('uses stored totals when present', () => {
    const [t] = transactionsFromSalesDocuments([doc({ totals: { net: 90, tax: 18, gross: 108 } })]);
    expect(t!.amount).to.equal(90);
  });

  it('refuses to add up currencies, unless one is chosen', () => {
    const documents = [doc({}), doc({ currency: 'EUR' })];
    expect(() => transactionsFromSalesDocuments(documents)).to.throw(
      CrmValidationError,
      /\[1\]\.currency: is EUR but \[0\] is TRY/,
    );
    expect(transactionsFromSalesDocuments(documents, { currency: 'EUR' })).to.have.length(1);
  });

  it('refuses unknown kinds', () => {
    expect(() => transactionsFromSalesDocuments([], { kinds: ['receipt' as never] })).to.throw(
      CrmValidationError,
      /options\.kinds/,
    );
  });

  it('gives NPS per touchpoint from stored responses', () => {
    const groups = npsByTouchpoint([
      { score: 10, touchpoint: 'store-visit' },
      { score: 3, touchpoint: 'repair-pickup' },
      { score: 9, touchpoint: 'store-visit' },
    ]);
    expect(groups.map((g) => [g.group, g.score])).to.deep.equal([
      ['store-visit', 100],
      ['repair-pickup', -100],
    ]);
  });

  it('turns purchase activities in one currency into transactions', () => {
    const activities = [
      { customerId: 'c1', type: 'purchase', at: '2024-03-01T10:00:00.000Z', data: { total: 120, currency: 'TRY' } },
      { customerId: 'c1', type: 'note', at: '2024-03-02T10:00:00.000Z', data: { text: 'hello' } },
      { customerId: 'c2', type: 'purchase', at: '2024-03-03T10:00:00.000Z', data: { total: 50, currency: 'EUR' } },
    ];
    expect(transactionsFromPurchases(activities, { currency: 'TRY' })).to.deep.equal([
      { customerId: 'c1', at: '2024-03-01T10:00:00.000Z', amount: 120 },
    ]);
    expect(() =>
      transactionsFromPurchases(
        [{ customerId: 'c1', type: 'purchase', at: 'x', data: { total: -1, currency: 'TRY' } }],
        {
          currency: 'TRY',
        },
      ),
    ).to.throw(CrmValidationError, /\[0\]\.data\.total/);
  });
});
