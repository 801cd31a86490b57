import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { LOYALTY_RUNGS, loyaltyLadder, type LadderFacts } from '@crmkit/analytics';

const rung = (facts: LadderFacts, rules = {}) => {
  const { rung, reason } = loyaltyLadder(facts, rules);
  return [rung, reason];
};

describe('loyalty ladder', () => {
  it('climbs prospect → customer → client → supporter → advocate → partner, each with its reason', () => {
    expect(LOYALTY_RUNGS).to.deep.equal(['prospect', 'customer', 'client', 'supporter', 'advocate', 'partner']);
    expect(rung({ purchases: 0 })).to.deep.equal(['prospect', 'no_purchase']);
    expect(rung({ purchases: 1 })).to.deep.equal(['customer', 'one_purchase']);
    expect(rung({ purchases: 3 })).to.deep.equal(['client', 'repeat_buyer']);
    expect(rung({ purchases: 3, npsScore: 6 })).to.deep.equal(['client', 'repeat_buyer']);
    expect(rung({ purchases: 3, npsScore: 8 })).to.deep.equal(['supporter', 'passive']);
    expect(rung({ purchases: 3, npsScore: 9 })).to.deep.equal(['supporter', 'promoter']);
    expect(rung({ purchases: 3, npsScore: 9, referrals: 2 })).to.deep.equal(['advocate', 'promoter_who_refers']);
    expect(rung({ purchases: 3, npsScore: 4, referrals: 1 })).to.deep.equal(['supporter', 'refers_others']);
    expect(rung({ purchases: 0, partner: true })).to.deep.equal(['partner', 'partner_flag']);
  });

  it('a promoter who refers others is an advocate; explanations in en and tr', () => {
    const result = loyaltyLadder({ purchases: 4, npsScore: 10, referrals: 1 });
    expect(result.explanation.en).to.equal('A promoter (NPS 10) who referred 1 person.');
    expect(result.explanation.tr).to.contain('tavsiye eden');
  });

  it('lifts only repeat buyers by what they say, and takes its thresholds as rules', () => {
    expect(rung({ purchases: 1, npsScore: 10, referrals: 2 })).to.deep.equal(['customer', 'one_purchase']);
    expect(rung({ purchases: 2, npsScore: 10 }, { clientFromPurchases: 3 })).to.deep.equal([
      'customer',
      'one_purchase',
    ]);
    expect(rung({ purchases: 3, npsScore: 9, referrals: 2 }, { advocateFromReferrals: 3 })).to.deep.equal([
      'supporter',
      'promoter',
    ]);
  });

  it('refuses bad input with paths', () => {
    expect(() => loyaltyLadder({ purchases: -1 })).to.throw(CrmValidationError, /purchases/);
    expect(() => loyaltyLadder({ purchases: 2, npsScore: 11 })).to.throw(CrmValidationError, /npsScore/);
    expect(() => loyaltyLadder({ purchases: 2, partner: 'yes' as never })).to.throw(CrmValidationError, /partner/);
    expect(() => loyaltyLadder({ purchases: 2 }, { clientFromPurchases: 0 })).to.throw(
      CrmValidationError,
      /rules\.clientFromPurchases/,
    );
  });
});
