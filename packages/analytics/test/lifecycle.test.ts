import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import {
  DEFAULT_LIFECYCLE_RULES,
  LIFECYCLE_STAGES,
  lifecycleStage,
  orderTrend,
  type LifecycleFacts,
} from '@crmkit/analytics';

const asOf = '2024-12-31';
/** An ISO date `days` days before asOf. */
const ago = (days: number) => new Date(Date.UTC(2024, 11, 31) - days * 86_400_000).toISOString();
const stage = (facts: Omit<LifecycleFacts, 'asOf'>, rules = {}) => {
  const { stage, reason } = lifecycleStage({ asOf, ...facts }, rules);
  return [stage, reason];
};

describe('lifecycle stage', () => {
  it('has the four stages of the relationship lifecycle and documented default rules', () => {
    expect(LIFECYCLE_STAGES).to.deep.equal(['acquisition', 'development', 'retention', 'decline']);
    expect(DEFAULT_LIFECYCLE_RULES).to.include({ aliveBelow: 0.3, inactiveAfterDays: 365, slowdownFactor: 3 });
  });

  it('acquisition: a prospect, or one purchase', () => {
    expect(stage({ purchases: 0 })).to.deep.equal(['acquisition', 'prospect']);
    expect(stage({ purchases: 1, firstPurchaseAt: ago(20), lastPurchaseAt: ago(20) })).to.deep.equal([
      'acquisition',
      'first_purchase',
    ]);
  });

  it('development: building up to the retention threshold, or a growing trend', () => {
    expect(stage({ purchases: 2, firstPurchaseAt: ago(60), lastPurchaseAt: ago(30) })).to.deep.equal([
      'development',
      'building',
    ]);
    expect(
      stage({
        purchases: 8,
        firstPurchaseAt: ago(400),
        lastPurchaseAt: ago(10),
        trend: { recent: 500, previous: 200 },
      }),
    ).to.deep.equal(['development', 'growing']);
  });

  it('retention: enough purchases at the usual pace', () => {
    expect(stage({ purchases: 6, firstPurchaseAt: ago(300), lastPurchaseAt: ago(40) })).to.deep.equal([
      'retention',
      'steady',
    ]);
  });

  it('decline: probably churned, inactive, slowing (recency trend) or shrinking — each with its reason', () => {
    const steady = { purchases: 6, firstPurchaseAt: ago(300), lastPurchaseAt: ago(40) };
    expect(stage({ ...steady, pAlive: 0.1 })).to.deep.equal(['decline', 'probably_churned']);
    expect(stage({ purchases: 6, firstPurchaseAt: ago(800), lastPurchaseAt: ago(400) })).to.deep.equal([
      'decline',
      'inactive',
    ]);
    // Usually bought every 10 days, silent for 45: more than 3× the usual gap.
    expect(stage({ purchases: 6, firstPurchaseAt: ago(95), lastPurchaseAt: ago(45) })).to.deep.equal([
      'decline',
      'slowing',
    ]);
    expect(stage({ ...steady, trend: { recent: 50, previous: 200 } })).to.deep.equal(['decline', 'shrinking']);
    const why = lifecycleStage({ asOf, purchases: 6, firstPurchaseAt: ago(95), lastPurchaseAt: ago(45) });
    expect(why.explanation.en).to.equal('Silent for 45 days, more than 3× the usual 10 days between purchases.');
    expect(why.explanation.tr).to.contain('45 gündür sessiz');
  });

  it('takes its thresholds as rules', () => {
    const facts = { purchases: 6, firstPurchaseAt: ago(95), lastPurchaseAt: ago(45) };
    expect(stage(facts, { slowdownFactor: 5 })).to.deep.equal(['retention', 'steady']);
    expect(stage({ ...facts, pAlive: 0.4 }, { aliveBelow: 0.5 })).to.deep.equal(['decline', 'probably_churned']);
  });

  it('reads a value trend from orders', () => {
    expect(
      orderTrend(
        [
          { at: ago(10), amount: 100 },
          { at: ago(100), amount: 40 },
          { at: ago(200), amount: 999 },
          { at: ago(-5), amount: 999 },
        ],
        { asOf, windowDays: 90 },
      ),
    ).to.deep.equal({ recent: 100, previous: 40 });
  });

  it('refuses bad input with paths', () => {
    expect(() => lifecycleStage({ asOf, purchases: -1 })).to.throw(CrmValidationError, /purchases/);
    expect(() => lifecycleStage({ asOf, purchases: 2 })).to.throw(CrmValidationError, /lastPurchaseAt: is required/);
    expect(() => lifecycleStage({ asOf, purchases: 0, pAlive: 2 })).to.throw(CrmValidationError, /pAlive/);
    expect(() => lifecycleStage({ asOf: 'never', purchases: 0 })).to.throw(CrmValidationError, /asOf/);
    expect(() => lifecycleStage({ asOf, purchases: 0 }, { drop: 1.5 })).to.throw(CrmValidationError, /rules\.drop/);
  });
});
