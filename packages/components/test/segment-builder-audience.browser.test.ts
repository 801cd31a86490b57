import { html, oneEvent } from '@open-wc/testing';
import { createCrm } from '@crmkit/core';
import type { SegmentRule } from '@crmkit/segments';
import '../src/index.js';
import { CrmAudienceChangeEvent, type CrmSegmentAudience } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, mount, text, until } from './support.js';
import {
  addCondition,
  audienceOf,
  builder,
  choose,
  countIs,
  countText,
  segmentCrm,
  type,
  type EngineProbe,
} from './segment-builder-support.js';

const plain = (rule: unknown): unknown =>
  JSON.parse(JSON.stringify(rule, (key, value: unknown) => (key === 'id' ? undefined : value)));
const valueInput = (node: HTMLElement) => node.querySelector<HTMLInputElement>('[part="value-input"]')!;
/** A rule every customer meets. */
const EVERYONE = {
  kind: 'group' as const,
  combinator: 'and' as const,
  rules: [{ kind: 'condition' as const, field: 'name', op: 'isNotEmpty' }],
};
const items = (el: Element) => $$(el, '[part="preview"] li').map((item) => text(item));

describe('crm-segment-audience', () => {
  it('counts after a pause, cancels a pending count when the rule changes, and ignores a late answer', async () => {
    const probe: EngineProbe = { counted: [], delayMs: 0 };
    const { crm } = await segmentCrm({ probe });
    const el = await builder(crm, { delay: 60 });
    await countIs(el, 'Add a condition to see how many customers match.');
    const spent = await addCondition(el, 'lifecycle.totalSpent', 'gt');
    probe.counted.length = 0;
    for (const typed of ['1', '10', '100', '1000']) {
      type(valueInput(spent), typed);
      await el.updateComplete;
    }
    await countIs(el, '2 customers match');
    expect(probe.counted.map(plain)).to.deep.equal([
      {
        kind: 'group',
        combinator: 'and',
        rules: [{ kind: 'condition', field: 'lifecycle.totalSpent', op: 'gt', value: 1000 }],
      },
    ]);
    // A slow answer for an older rule must not overwrite the newer one.
    audienceOf(el).countDelay = 0;
    probe.delayMs = 150;
    type(valueInput(spent), '100000');
    await until(() => probe.counted.length === 2, 'slow count started');
    expect(countText(el)).to.equal('2 customers match · Counting…');
    expect($(audienceOf(el), '[part="count"]').getAttribute('aria-busy')).to.equal('true');
    probe.delayMs = 0;
    type(valueInput(spent), '500');
    await countIs(el, '3 customers match');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(countText(el)).to.equal('3 customers match');
  });

  it('asks one count at a time: edits made meanwhile wait, and only the newest rule is counted', async () => {
    const probe: EngineProbe = { counted: [], delayMs: 150 };
    const { crm } = await segmentCrm({ probe });
    const el = await builder(crm);
    audienceOf(el).countDelay = 10;
    const spent = await addCondition(el, 'lifecycle.totalSpent', 'gt');
    for (const typed of ['1', '10', '100']) {
      type(valueInput(spent), typed);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    probe.delayMs = 0;
    await countIs(el, '3 customers match');
    // "1" was being counted when "10" and "100" came: "10" was never asked, "100" after "1" was answered.
    expect(probe.counted.map((rule) => (plain(rule) as SegmentRule).rules[0])).to.deep.equal([
      { kind: 'condition', field: 'lifecycle.totalSpent', op: 'gt', value: 1 },
      { kind: 'condition', field: 'lifecycle.totalSpent', op: 'gt', value: 100 },
    ]);
  });

  it('shows the first matches and how many more there are', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm, { preview: 2 });
    el.value = EVERYONE;
    await countIs(el, '4 customers match');
    await until(() => items(audienceOf(el)).length === 3, 'preview');
    expect(items(audienceOf(el))).to.deep.equal(['Ayşe Yılmaz', 'John Smith', 'and 2 more']);
    expect($(audienceOf(el), '[part="preview"]').getAttribute('aria-label')).to.equal('First matches');
  });

  it('guards consent: how many may be contacted on a channel, and leaving out the rest', async () => {
    const { crm, john } = await segmentCrm();
    const el = await builder(crm);
    const audience = audienceOf(el);
    el.value = EVERYONE;
    await countIs(el, '4 customers match');
    const changed = oneEvent(audience, CrmAudienceChangeEvent.type);
    choose($<HTMLSelectElement>(audience, '[part="consent"] select'), 'email');
    expect(((await changed) as unknown as CrmAudienceChangeEvent).consent).to.deep.equal({
      channel: 'email',
      exclude: false,
    });
    await until(() => $$(audience, '.contactable').length === 1, 'contactable');
    // Ayşe and Zeynep granted; Mehmet withdrew; John never gave it.
    expect(text($(audience, '.contactable'))).to.equal('2 of them may be contacted by E-mail.');
    const exclude = $<HTMLInputElement>(audience, '[part="consent"] input[type="checkbox"]');
    expect(text(exclude.parentElement)).to.equal('Leave out the 2 without consent');
    exclude.click();
    await until(() => items(audience).length === 2, 'contactable preview');
    expect(items(audience)).to.deep.equal(['Ayşe Yılmaz', 'Zeynep Kaya']);
    expect(audience.consent).to.deep.equal({ channel: 'email', exclude: true });
    expect(audience.getAttribute('exclude-without-consent')).to.equal('');
    const page = await audience.audience({ limit: 10 });
    expect(page.items.map((customer) => customer.name)).to.deep.equal(['Ayşe Yılmaz', 'Zeynep Kaya']);
    await expect(audience).to.be.accessible();
    // A consent recorded meanwhile (here or in another tab) is taken into account.
    await crm.consents.put({
      customerId: john.id,
      channel: 'email',
      status: 'granted',
      recipient: 'john@example.com',
      source: 'HS_WEB',
      recordedAt: '2025-03-01T00:00:00Z',
    });
    await until(() => text($$(audience, '.contactable')[0]) === '3 of them may be contacted by E-mail.', 'consent');
    // With a narrower rule the guard speaks of its matches.
    const city = await addCondition(el, 'address.city', 'eq');
    type(valueInput(city), 'Ankara');
    await until(() => text($$(audience, '.contactable')[0]) === '0 of them may be contacted by E-mail.', 'Ankara');
  });

  it('counts behaviours from the activities', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    el.value = {
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'event', activityType: 'purchase', withinDays: 30, count: { op: 'gte', value: 1 } }],
    };
    await countIs(el, '2 customers match');
  });

  it('shows a saved segment’s audience on its own, without a builder', async () => {
    const { crm } = await segmentCrm();
    const saved = await crm.segments.put({
      name: 'VIP',
      rule: {
        kind: 'group',
        combinator: 'and',
        rules: [{ kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'] }],
      },
    });
    const audience = await mount<CrmSegmentAudience>(
      html`<crm-segment-audience
        .crm=${crm}
        segment-id=${saved.id}
        consent-channel="email"
        exclude-without-consent
        count-delay="0"
      ></crm-segment-audience>`,
    );
    await until(() => text($$(audience, '.contactable')[0]) === '1 of them may be contacted by E-mail.', 'guard');
    expect(text($(audience, '[part="count"] .number'))).to.equal('2 customers match');
    await until(() => items(audience).length === 1, 'preview');
    expect(items(audience)).to.deep.equal(['Zeynep Kaya']);
    await expect(audience).to.be.accessible();
  });

  it('waits for a crm, and says when there is no segment engine or counting fails', async () => {
    const waiting = await mount<CrmSegmentAudience>(html`<crm-segment-audience></crm-segment-audience>`);
    expect($$(waiting, '[part="skeleton"]')).to.have.length(1);
    await expect(waiting).to.be.accessible();
    const el = await builder(await createCrm());
    el.value = EVERYONE;
    await countIs(el, 'Counting needs the segment engine (segmentsPlugin).');
    await expect(audienceOf(el)).to.be.accessible();
    const probe: EngineProbe = { counted: [], delayMs: 0, fail: new Error('offline') };
    const { crm } = await segmentCrm({ probe });
    const failing = await builder(crm);
    failing.value = EVERYONE;
    const errored = oneEvent(audienceOf(failing), 'crm-error');
    await countIs(failing, 'The customers could not be counted.');
    expect(((await errored) as unknown as { error: Error }).error.message).to.equal('offline');
    await expect(audienceOf(failing)).to.be.accessible();
  });

  it('says so while a problem in the rule blocks the count', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    el.value = {
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'condition', field: 'lifecycle.totalSpent', op: 'gt', value: 'lots' }],
    };
    await countIs(el, 'Fix the highlighted conditions to see how many customers match.');
    await expect(audienceOf(el)).to.be.accessible();
  });
});
