import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { LOYALTY_RUNGS, loyaltyRung } from '@crmkit/analytics';

describe('loyalty ladder', () => {
  it('climbs prospect → customer → client → supporter → advocate → partner', () => {
    expect(LOYALTY_RUNGS).to.deep.equal(['prospect', 'customer', 'client', 'supporter', 'advocate', 'partner']);
    expect(loyaltyRung({ orders: 0 })).to.equal('prospect');
    expect(loyaltyRung({ orders: 1 })).to.equal('customer');
    expect(loyaltyRung({ orders: 3 })).to.equal('client');
    expect(loyaltyRung({ orders: 3, npsScore: 6 })).to.equal('client');
    expect(loyaltyRung({ orders: 3, npsScore: 8 })).to.equal('supporter');
    expect(loyaltyRung({ orders: 3, npsScore: 9 })).to.equal('advocate');
    expect(loyaltyRung({ orders: 3, npsScore: 4, referrals: 1 })).to.equal('advocate');
    expect(loyaltyRung({ orders: 3, partner: true })).to.equal('partner');
  });

  it('lifts only repeat buyers by willingness to recommend', () => {
    expect(loyaltyRung({ orders: 1, npsScore: 10, referrals: 2 })).to.equal('customer');
    expect(loyaltyRung({ orders: 2, npsScore: 10 }, { clientMinOrders: 3 })).to.equal('customer');
  });

  it('refuses bad input with paths', () => {
    expect(() => loyaltyRung({ orders: -1 })).to.throw(CrmValidationError, /orders/);
    expect(() => loyaltyRung({ orders: 2, npsScore: 11 })).to.throw(CrmValidationError, /npsScore/);
    expect(() => loyaltyRung({ orders: 2, partner: 'yes' as never })).to.throw(CrmValidationError, /partner/);
    expect(() => loyaltyRung({ orders: 2 }, { clientMinOrders: 0 })).to.throw(CrmValidationError, /clientMinOrders/);
  });
});
