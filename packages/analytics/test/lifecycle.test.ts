import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { LIFECYCLE_STAGES, lifecycleStage, type LifecycleInput } from '@crmkit/analytics';

const asOf = '2024-12-31';
/** An order `daysAgo` days before asOf. */
const ago = (daysAgo: number, amount?: number) => ({ at: Date.UTC(2024, 11, 31) - daysAgo * 86_400_000, amount });
const stage = (input: LifecycleInput, options = {}) => lifecycleStage(input, { asOf, ...options });

describe('lifecycle stage', () => {
  it('has the four stages of the relationship lifecycle', () => {
    expect(LIFECYCLE_STAGES).to.deep.equal(['acquisition', 'development', 'retention', 'decline']);
  });

  it('acquisition: a prospect, or a first purchase', () => {
    expect(stage({ orders: [] })).to.deep.equal({ stage: 'acquisition', reason: 'prospect' });
    expect(stage({ orders: [ago(-5)] })).to.deep.equal({ stage: 'acquisition', reason: 'prospect' }); // only a future order
    expect(stage({ orders: [ago(20, 50), ago(20, 10)] })).to.deep.equal({
      stage: 'acquisition',
      reason: 'first_purchase',
    });
  });

  it('development: the last 90 days worth 25 % more than the 90 before', () => {
    expect(stage({ orders: [ago(150, 100), ago(30, 80), ago(10, 60)] })).to.deep.equal({
      stage: 'development',
      reason: 'growing',
    });
    expect(stage({ orders: [ago(150), ago(30), ago(10)] })).to.deep.equal({ stage: 'development', reason: 'growing' }); // counted
  });

  it('retention: steady value', () => {
    expect(stage({ orders: [ago(150, 100), ago(30, 110)] })).to.deep.equal({ stage: 'retention', reason: 'steady' });
  });

  it('decline: shrinking, quiet, inactive, or probably churned', () => {
    expect(stage({ orders: [ago(150, 100), ago(30, 50)] })).to.deep.equal({ stage: 'decline', reason: 'shrinking' });
    expect(stage({ orders: [ago(175), ago(170)] }, { windowDays: 30 })).to.deep.equal({
      stage: 'decline',
      reason: 'quiet',
    });
    expect(stage({ orders: [ago(400), ago(200)] })).to.deep.equal({ stage: 'decline', reason: 'inactive' });
    expect(stage({ orders: [ago(150), ago(10)], probabilityAlive: 0.2 })).to.deep.equal({
      stage: 'decline',
      reason: 'probably_churned',
    });
  });

  it('refuses bad input with paths', () => {
    expect(() => stage({ orders: [{ at: 'yesterday' }] })).to.throw(CrmValidationError, /orders\[0\]\.at/);
    expect(() => stage({ orders: [], probabilityAlive: 2 })).to.throw(CrmValidationError, /probabilityAlive/);
    expect(() => lifecycleStage({ orders: [] }, { asOf: 'never' })).to.throw(CrmValidationError, /options\.asOf/);
    expect(() => stage({ orders: [] }, { drop: 1.5 })).to.throw(CrmValidationError, /options\.drop/);
  });
});
