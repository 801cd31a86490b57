import { html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CrmValidationError, createCrm, definePlugin, memoryStorage } from '@crmkit/core';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
import '../src/index.js';
import {
  adoptCrmTheme,
  CrmErrorEvent,
  CrmNpsChangeEvent,
  CrmNpsDismissEvent,
  CrmNpsSkipEvent,
  CrmNpsSubmitEvent,
  npsWidgetPlugin,
  type CrmNpsWidget,
} from '../src/index.js';
import { expect } from './expect.js';
import { askingWidget, daysAgo, npsCrm, uniqueTenant } from './nps-support.js';
import { $, $$, NOW, mount, seededCrm, shadow, text, until, type Seeded } from './support.js';

const radios = (el: CrmNpsWidget) => $$<HTMLButtonElement>(el, '[role="radio"]');
const checked = (el: CrmNpsWidget) => radios(el).filter((radio) => radio.getAttribute('aria-checked') === 'true');
const focused = (el: CrmNpsWidget) => shadow(el).activeElement as HTMLElement | null;
const tabStops = (el: CrmNpsWidget) => radios(el).filter((radio) => radio.tabIndex === 0);

/** Mounts a survey and waits until it has decided; returns it with the skip event, if one came. */
async function decided(
  seeded: Seeded,
  attrs: { now?: Date; throttleDays?: number; dismissDays?: number; sample?: number } = {},
) {
  const container = await mount<HTMLDivElement>(html`<div></div>`);
  const skipped: CrmNpsSkipEvent[] = [];
  container.addEventListener(CrmNpsSkipEvent.type, (event) => skipped.push(event));
  const el = document.createElement('crm-nps-widget');
  el.crm = seeded.crm;
  el.now = attrs.now ?? NOW;
  el.customerId = seeded.customer.id;
  el.touchpoint = 'store-visit';
  if (attrs.throttleDays !== undefined) el.throttleDays = attrs.throttleDays;
  if (attrs.dismissDays !== undefined) el.dismissDays = attrs.dismissDays;
  if (attrs.sample !== undefined) el.sample = attrs.sample;
  container.append(el);
  await until(() => skipped.length > 0 || !!el.shadowRoot?.querySelector('[role="radiogroup"]'), 'a decision');
  return { el, skipped };
}

async function answer(seeded: Seeded, score: number, at: string, touchpoint = 'web-order') {
  await seeded.crm.npsResponses.put({ customerId: seeded.customer.id, score, touchpoint, at });
}

describe('crm-nps-widget', () => {
  it('asks with a radio group of 11 scores named by the question, both ends labelled, and is accessible', async () => {
    const seeded = await npsCrm();
    const el = await askingWidget(seeded);
    const group = $(el, '[role="radiogroup"]');
    expect(text($(el, `#${group.getAttribute('aria-labelledby')}`))).to.equal(
      'How likely are you to recommend us to a friend or colleague?',
    );
    expect($(el, '#question').getAttribute('role')).to.equal('heading');
    expect(radios(el).map((radio) => text(radio))).to.deep.equal([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(checked(el)).to.have.length(0);
    expect(tabStops(el).map((radio) => radio.dataset.score)).to.deep.equal(['0']);
    expect(text($(el, `#${radios(el)[0]!.getAttribute('aria-describedby')}`))).to.equal('Not at all likely');
    expect(text($(el, `#${radios(el)[10]!.getAttribute('aria-describedby')}`))).to.equal('Extremely likely');
    expect($$(el, '[part="follow-up"]')).to.have.length(0);
    expect($$(el, '[part="send-button"]')).to.have.length(0);
    expect(text($(el, '[part="dismiss-button"]'))).to.equal('Not now');
    await expect(el).to.be.accessible();
  });

  it('is used with the keyboard alone: Tab in, arrows, Home/End, wrap, comment, Enter to send, focus on the thanks', async () => {
    const seeded = await npsCrm();
    const before = await mount<HTMLButtonElement>(html`<button>before</button>`);
    const el = await askingWidget(seeded);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.dataset.score).to.equal('0');
    expect(checked(el)).to.have.length(0);

    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)?.dataset.score).to.equal('1');
    expect(checked(el).map((radio) => radio.dataset.score)).to.deep.equal(['1']);
    expect(tabStops(el).map((radio) => radio.dataset.score)).to.deep.equal(['1']);
    expect(el.value).to.equal(1);

    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused(el)?.dataset.score).to.equal('10');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused(el)?.dataset.score, 'wraps to the first').to.equal('0');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(focused(el)?.dataset.score, 'wraps to the last').to.equal('10');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.value).to.equal(0);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.value).to.equal(9);
    expect(checked(el).map((radio) => radio.dataset.score)).to.deep.equal(['9']);
    expect(text($(el, '[part="follow-up"] label'))).to.equal('Great to hear! What did you like most?');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('comment');
    await sendKeys({ type: 'Quick and friendly' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('send-button');
    const submitted = oneEvent(el, CrmNpsSubmitEvent.type);
    await sendKeys({ press: 'Enter' });
    const event = (await submitted) as unknown as CrmNpsSubmitEvent;
    expect(event.queued).to.equal(false);
    expect(event.answer).to.include({ score: 9, category: 'promoter', comment: 'Quick and friendly' });
    await until(() => $$(el, '[part="thanks"]').length === 1, 'thanks');
    expect(focused(el)?.getAttribute('part')).to.equal('thanks');
    expect(text($(el, '[part="thanks"]'))).to.equal('Thank you for your feedback!');
    await expect(el).to.be.accessible();
  });

  it('takes Space on a focused score, and follows the writing direction for left and right', async () => {
    const seeded = await npsCrm();
    const wrapper = await mount<HTMLElement>(
      html`<div dir="rtl">
        <crm-nps-widget
          .crm=${seeded.crm}
          .now=${NOW}
          customer-id=${seeded.customer.id}
          touchpoint="kiosk"
        ></crm-nps-widget>
      </div>`,
    );
    const el = wrapper.querySelector('crm-nps-widget')!;
    await until(() => radios(el).length === 11, 'the scale');
    const before = await mount<HTMLButtonElement>(html`<button>before</button>`);
    wrapper.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.dataset.score).to.equal('0');
    expect(el.value, 'focus alone checks nothing').to.equal(null);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.value).to.equal(0);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.value, 'left is forward in RTL').to.equal(1);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.value).to.equal(10);
    expect(focused(el)?.dataset.score).to.equal('10');
    await expect(el).to.be.accessible();
  });

  it('asks a follow-up that depends on the category, in English and Turkish', async () => {
    const seeded = await npsCrm();
    const el = await askingWidget(seeded);
    const followUp = () => text($(el, '[part="follow-up"] label'));
    radios(el)[3]!.click();
    await el.updateComplete;
    expect(followUp()).to.equal('We are sorry to hear that. What went wrong?');
    radios(el)[7]!.click();
    await el.updateComplete;
    expect(followUp()).to.equal('Thank you. What would make it a 10 for you?');
    radios(el)[10]!.click();
    await el.updateComplete;
    expect(followUp()).to.equal('Great to hear! What did you like most?');
    expect(text($(el, '#comment-hint'))).to.equal('Optional');
    await expect(el).to.be.accessible();

    el.setAttribute('lang', 'tr');
    await until(() => followUp() === 'Ne güzel! En çok neyi beğendiniz?', 'Turkish');
    expect(text($(el, '#question'))).to.equal(
      'Bizi bir arkadaşınıza ya da iş arkadaşınıza tavsiye etme olasılığınız nedir?',
    );
    radios(el)[2]!.click();
    await el.updateComplete;
    expect(followUp()).to.equal('Bunu duyduğumuza üzüldük. Ne ters gitti?');
    expect(text($(el, '[part="dismiss-button"]'))).to.equal('Şimdi değil');
    await expect(el).to.be.accessible();
  });

  it('uses the host app’s texts per category and language, falling back to the kit’s', async () => {
    const seeded = await npsCrm();
    const el = await askingWidget(seeded);
    el.texts = {
      question: 'How was your repair?',
      low: 'Bad',
      high: { en: 'Great', tr: 'Harika' },
      followUp: {
        detractor: { en: 'What should we fix?', tr: 'Neyi düzeltmeliyiz?' },
        promoter: { tr: 'Neyi sevdiniz?' },
      },
      thanks: { en: 'Cheers!', tr: 'Sağ olun!' },
    };
    await el.updateComplete;
    expect(text($(el, '#question'))).to.equal('How was your repair?');
    expect([text($(el, '#low')), text($(el, '#high'))]).to.deep.equal(['Bad', 'Great']);
    radios(el)[1]!.click();
    await el.updateComplete;
    expect(text($(el, '[part="follow-up"] label'))).to.equal('What should we fix?');
    radios(el)[9]!.click();
    await el.updateComplete;
    expect(text($(el, '[part="follow-up"] label')), 'no English given: the kit’s').to.equal(
      'Great to hear! What did you like most?',
    );
    el.setAttribute('lang', 'tr');
    await until(() => text($(el, '[part="follow-up"] label')) === 'Neyi sevdiniz?', 'Turkish text');
    expect(text($(el, '#high'))).to.equal('Harika');
    $(el, '[part="send-button"]').click();
    await until(() => $$(el, '[part="thanks"]').length === 1, 'thanks');
    expect(text($(el, '[part="thanks"]'))).to.equal('Sağ olun!');
  });

  it('marks the categories by the pattern of each score’s edge and by grouping, not by colour alone', async () => {
    const seeded = await npsCrm();
    const el = await askingWidget(seeded);
    const edge = (score: number) => getComputedStyle(radios(el)[score]!).borderBottomStyle;
    expect([edge(0), edge(6), edge(7), edge(8), edge(9), edge(10)]).to.deep.equal([
      'solid',
      'solid',
      'dashed',
      'dashed',
      'double',
      'double',
    ]);
    expect($$(el, '.group').map((group) => group.querySelectorAll('[role="radio"]').length)).to.deep.equal([7, 2, 2]);
    const gap = (a: number, b: number) =>
      radios(el)[b]!.getBoundingClientRect().left - radios(el)[a]!.getBoundingClientRect().right;
    expect(gap(6, 7), 'between categories').to.be.greaterThan(gap(5, 6) + 2);
    expect(radios(el)[4]!.getAttribute('part')).to.equal('option option-detractor');
    radios(el)[4]!.click();
    await el.updateComplete;
    const chosen = getComputedStyle(radios(el)[4]!);
    const other = getComputedStyle(radios(el)[3]!);
    expect(chosen.fontWeight).to.not.equal(other.fontWeight);
    expect(chosen.textDecorationLine).to.equal('underline');
    expect(radios(el)[4]!.getAttribute('part')).to.equal('option option-detractor option-checked');

    el.showCategories = true;
    await el.updateComplete;
    expect($$(el, '[part="legend"] li').map((item) => text(item))).to.deep.equal([
      'Detractor: 0–6',
      'Passive: 7–8',
      'Promoter: 9–10',
    ]);
    await expect(el).to.be.accessible();
  });

  it('writes the response and its timeline activity together, and says so with crm-nps-submit', async () => {
    const seeded = await npsCrm();
    const el = await askingWidget(seeded, { touchpoint: 'repair-pickup' });
    const changes: Array<number | null> = [];
    el.addEventListener(CrmNpsChangeEvent.type, (event) => changes.push(event.score));
    radios(el)[6]!.click();
    radios(el)[6]!.click();
    await el.updateComplete;
    const comment = $<HTMLTextAreaElement>(el, '#comment');
    comment.value = '  Took too long  ';
    comment.dispatchEvent(new Event('input'));
    const submitted = oneEvent(el, CrmNpsSubmitEvent.type);
    $(el, '[part="send-button"]').click();
    const { answer, queued } = (await submitted) as unknown as CrmNpsSubmitEvent;
    expect(changes).to.deep.equal([6]);
    expect(queued).to.equal(false);
    expect(answer).to.deep.equal({
      responseId: answer.responseId,
      customerId: seeded.customer.id,
      score: 6,
      category: 'detractor',
      comment: 'Took too long',
      touchpoint: 'repair-pickup',
      at: NOW.toISOString(),
    });
    const [response] = await seeded.crm.npsResponses.all({ customerId: seeded.customer.id });
    expect(response).to.include({
      id: answer.responseId,
      score: 6,
      comment: 'Took too long',
      touchpoint: 'repair-pickup',
    });
    const activities = await seeded.crm.activities.all({ customerId: seeded.customer.id, type: 'nps' });
    expect(activities).to.have.length(1);
    expect(activities[0]!.at).to.equal(NOW.toISOString());
    expect(activities[0]!.data).to.deep.equal({
      score: 6,
      comment: 'Took too long',
      touchpoint: 'repair-pickup',
      responseId: answer.responseId,
    });
    await until(() => $$(el, '[part="thanks"]').length === 1, 'thanks');
  });

  it('writes neither when the activity is refused, shows why, and keeps the answer to send again', async () => {
    const refuseNps = definePlugin({
      id: 'no-nps-activities',
      version: '1.0.0',
      kit: '^0.1.0',
      register(ctx) {
        ctx.hooks.before('activities', (event) =>
          (event.doc as { type?: string }).type === 'nps' ? { veto: 'not today' } : undefined,
        );
      },
    });
    const seeded = await npsCrm({ plugins: [npsWidgetPlugin(), refuseNps] });
    const el = await askingWidget(seeded);
    const errored = oneEvent(el, CrmErrorEvent.type);
    radios(el)[8]!.click();
    await el.updateComplete;
    $(el, '[part="send-button"]').click();
    const event = (await errored) as unknown as CrmErrorEvent;
    expect(event.error).to.be.instanceOf(CrmValidationError);
    await until(() => $$(el, '.failure').length === 1, 'the failure');
    expect(text($(el, '.failure'))).to.equal('Your answer could not be recorded.');
    expect($(el, '.failure').getAttribute('role')).to.equal('alert');
    expect(await seeded.crm.npsResponses.all({ customerId: seeded.customer.id })).to.have.length(0);
    expect(await seeded.crm.activities.all({ customerId: seeded.customer.id })).to.have.length(0);
    expect(el.value).to.equal(8);
    expect($$(el, '[part="send-button"]')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('sends once: while writing, Send says so and is off, and nothing can be chosen', async () => {
    const seeded = await npsCrm();
    const el = await askingWidget(seeded);
    let release: () => void = () => {};
    const real = seeded.crm.transaction.bind(seeded.crm);
    let calls = 0;
    seeded.crm.transaction = async (fn) => {
      calls++;
      await new Promise<void>((resolve) => (release = resolve));
      return real(fn);
    };
    radios(el)[9]!.click();
    await el.updateComplete;
    $(el, '[part="send-button"]').click();
    await el.updateComplete;
    const send = $<HTMLButtonElement>(el, '[part="send-button"]');
    expect([text(send), send.disabled]).to.deep.equal(['Sending…', true]);
    expect($<HTMLTextAreaElement>(el, '#comment').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    radios(el)[2]!.click();
    send.click();
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    expect(el.value).to.equal(9);
    release();
    await until(() => $$(el, '[part="thanks"]').length === 1, 'thanks');
    expect(calls).to.equal(1);
    expect(await seeded.crm.npsResponses.all({ customerId: seeded.customer.id })).to.have.length(1);
  });

  it('is accessible in the dark theme and right to left', async () => {
    adoptCrmTheme();
    const seeded = await npsCrm();
    const wrapper = await mount<HTMLElement>(
      html`<div class="crm-theme-dark" dir="rtl" lang="tr">
        <crm-nps-widget
          .crm=${seeded.crm}
          .now=${NOW}
          customer-id=${seeded.customer.id}
          touchpoint="kiosk"
          show-categories
        ></crm-nps-widget>
      </div>`,
    );
    const el = wrapper.querySelector('crm-nps-widget')!;
    await until(() => radios(el).length === 11, 'the scale');
    expect(getComputedStyle($(el, '[part="base"]')).backgroundColor).to.equal('rgb(27, 30, 36)');
    radios(el)[7]!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('dismisses: records it, says so, and does not ask again within the dismiss throttle', async () => {
    const seeded = await npsCrm();
    const el = await askingWidget(seeded, { touchpoint: 'web-order' });
    const dismissed = oneEvent(el, CrmNpsDismissEvent.type);
    $(el, '[part="dismiss-button"]').click();
    const event = (await dismissed) as unknown as CrmNpsDismissEvent;
    expect([event.customerId, event.touchpoint]).to.deep.equal([seeded.customer.id, 'web-order']);
    await until(() => $$(el, '[part="dismissed"]').length === 1, 'dismissed');
    expect(text($(el, '[part="dismissed"]'))).to.equal('All right, we will not ask you now.');
    expect(focused(el)?.getAttribute('part')).to.equal('dismissed');
    await expect(el).to.be.accessible();
    const records = await seeded.crm.activities.all({ customerId: seeded.customer.id, type: 'npsDismissed' });
    expect(records.map((record) => record.data)).to.deep.equal([{ touchpoint: 'web-order' }]);
    expect(await seeded.crm.npsResponses.all({ customerId: seeded.customer.id })).to.have.length(0);

    const again = await decided(seeded);
    expect(again.skipped.map((skip) => skip.reason)).to.deep.equal(['dismissed-recently']);
    await until(() => !shadow(again.el).querySelector('[part]'), 'nothing shown');

    const later = await decided(seeded, { now: new Date(NOW.getTime() + 31 * 86_400_000) });
    expect(later.skipped).to.have.length(0);
    const custom = await decided(seeded, { dismissDays: 0 });
    expect(custom.skipped, 'dismiss-days="0" asks again at once').to.have.length(0);
  });

  it('does not ask within the throttle of the last answer (90 days by default, configurable)', async () => {
    const seeded = await npsCrm();
    await answer(seeded, 7, daysAgo(100));
    expect((await decided(seeded)).skipped, 'an answer 100 days ago').to.have.length(0);
    await answer(seeded, 9, daysAgo(10));
    const throttled = await decided(seeded);
    expect(throttled.skipped.map((skip) => [skip.customerId, skip.reason])).to.deep.equal([
      [seeded.customer.id, 'answered-recently'],
    ]);
    await until(() => !shadow(throttled.el).querySelector('[part]'), 'nothing shown');
    expect((await decided(seeded, { throttleDays: 5 })).skipped).to.have.length(0);
    expect((await decided(seeded, { throttleDays: 0 })).skipped).to.have.length(0);
  });

  it('decides through the crm, so another tab (another crm on the same storage) decides the same', async () => {
    const storage = memoryStorage();
    const tenant = uniqueTenant();
    const tabA = await seededCrm({ storage, tenant, plugins: [npsWidgetPlugin()] });
    const el = await askingWidget(tabA);
    radios(el)[10]!.click();
    await el.updateComplete;
    $(el, '[part="send-button"]').click();
    await until(() => $$(el, '[part="thanks"]').length === 1, 'thanks');
    const tabB = await createCrm({ storage, tenant, plugins: [npsWidgetPlugin()], now: () => NOW });
    const other = await decided({ ...tabA, crm: tabB });
    expect(other.skipped.map((skip) => skip.reason)).to.deep.equal(['answered-recently']);
  });

  it('hides an untouched survey when the customer answers in another tab meanwhile', async () => {
    const seeded = await npsCrm();
    const el = await askingWidget(seeded);
    const skipped = oneEvent(el, CrmNpsSkipEvent.type);
    await answer(seeded, 8, NOW.toISOString());
    expect(((await skipped) as unknown as CrmNpsSkipEvent).reason).to.equal('answered-recently');
    await until(() => !shadow(el).querySelector('[part="base"]'), 'hidden');
  });

  it('samples P% of customers by a hash of tenant, customer and period: the same in every tab', async () => {
    const seeded = await npsCrm();
    const none = await decided(seeded, { sample: 0 });
    expect(none.skipped.map((skip) => skip.reason)).to.deep.equal(['not-sampled']);
    const { npsSampled } = await import('../src/index.js');
    const ids = Array.from({ length: 400 }, (_, i) => `customer-${i}`);
    const drawn = ids.filter((id) => npsSampled('acme', id, NOW, 90, 25));
    expect(drawn.length).to.be.within(70, 130);
    expect(ids.filter((id) => npsSampled('acme', id, NOW, 90, 25))).to.deep.equal(drawn);
    const nextPeriod = new Date(NOW.getTime() + 90 * 86_400_000);
    expect(ids.filter((id) => npsSampled('acme', id, nextPeriod, 90, 25))).to.not.deep.equal(drawn);
    expect(ids.filter((id) => npsSampled('acme', id, NOW, 90, 100))).to.have.length(400);
    // The widget draws as npsSampled does.
    const inSample = npsSampled(seeded.crm.tenant, seeded.customer.id, NOW, 90, 50);
    const half = await decided(seeded, { sample: 50 });
    expect(half.skipped.length === 0).to.equal(inSample);
  });

  it('does not ask when it cannot read the crm, and reports the error', async () => {
    const seeded = await npsCrm();
    seeded.crm.npsResponses.query = () => Promise.reject(new Error('offline'));
    const container = await mount<HTMLDivElement>(html`<div></div>`);
    const errored = oneEvent(container, CrmErrorEvent.type);
    const skipped = oneEvent(container, CrmNpsSkipEvent.type);
    const el = document.createElement('crm-nps-widget');
    Object.assign(el, { crm: seeded.crm, now: NOW, customerId: seeded.customer.id, touchpoint: 'kiosk' });
    container.append(el);
    expect(((await errored) as unknown as CrmErrorEvent).error).to.be.instanceOf(Error);
    expect(((await skipped) as unknown as CrmNpsSkipEvent).reason).to.equal('unavailable');
    await until(() => !shadow(el).querySelector('[part]'), 'nothing shown');
  });

  it('without npsWidgetPlugin a dismissal only hides the survey', async () => {
    const seeded = await seededCrm({ tenant: uniqueTenant(), plugins: [vipTierPlugin()] });
    const el = await askingWidget(seeded);
    const errors: unknown[] = [];
    el.addEventListener(CrmErrorEvent.type, (event) => errors.push(event.error));
    $(el, '[part="dismiss-button"]').click();
    await until(() => $$(el, '[part="dismissed"]').length === 1, 'dismissed');
    expect(await seeded.crm.activities.all({ customerId: seeded.customer.id })).to.have.length(0);
    expect(errors).to.deep.equal([]);
  });

  it('shows a skeleton until a crm arrives, and nothing without a customer', async () => {
    const waiting = await mount<CrmNpsWidget>(html`<crm-nps-widget customer-id="c1"></crm-nps-widget>`);
    expect($(waiting, '[part="skeleton"]').getAttribute('role')).to.equal('status');
    await expect(waiting).to.be.accessible();
    const { crm } = await npsCrm();
    const nobody = await mount<CrmNpsWidget>(html`<crm-nps-widget .crm=${crm}></crm-nps-widget>`);
    expect(shadow(nobody).querySelector('[part]') === null).to.equal(true);
  });

  it('refuses a score outside 0–10 with a typed error and keeps its value', async () => {
    const el = await mount<CrmNpsWidget>(html`<crm-nps-widget mode="field"></crm-nps-widget>`);
    el.value = 4;
    for (const bad of [11, -1, 2.5, Number.NaN, '7' as unknown as number]) {
      expect(() => (el.value = bad), String(bad)).to.throw(CrmValidationError);
      expect(el.value).to.equal(4);
    }
    el.value = null;
    expect(el.value).to.equal(null);
  });
});

describe('crm-nps-widget in a form', () => {
  it('submits its score under its name, is required when asked to, resets and restores', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <label for="nps">Your score</label>
        <crm-nps-widget id="nps" mode="field" name="nps" required></crm-nps-widget>
        <button>Send</button>
      </form>`,
    );
    const el = form.querySelector('crm-nps-widget')!;
    await el.updateComplete;
    expect(el.form).to.equal(form);
    expect($$(el, '[part="send-button"], [part="dismiss-button"], [part="follow-up"]')).to.have.length(0);
    expect(new FormData(form).has('nps')).to.equal(false);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Choose a score from 0 to 10.');
    expect($(el, '[role="radiogroup"]').getAttribute('aria-required')).to.equal('true');
    await expect(el).to.be.accessible();

    radios(el)[7]!.click();
    await el.updateComplete;
    expect(new FormData(form).get('nps')).to.equal('7');
    expect(form.checkValidity()).to.equal(true);

    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal(null);
    expect(new FormData(form).has('nps')).to.equal(false);
  });

  it('starts from its value attribute, which a reset returns to, and works with the keyboard in the form', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form><crm-nps-widget mode="field" name="score" value="8"></crm-nps-widget><button>Send</button></form>`,
    );
    const el = form.querySelector('crm-nps-widget')!;
    await el.updateComplete;
    expect(el.value).to.equal(8);
    expect(new FormData(form).get('score')).to.equal('8');
    expect(tabStops(el).map((radio) => radio.dataset.score)).to.deep.equal(['8']);
    el.focus();
    expect(focused(el)?.dataset.score, 'delegates focus to the checked score').to.equal('8');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(new FormData(form).get('score')).to.equal('9');
    const submitted = oneEvent(form, 'submit');
    form.addEventListener('submit', (event) => event.preventDefault(), { once: true });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await submitted;
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal(8);
  });

  it('is turned off with its fieldset', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <fieldset disabled><crm-nps-widget mode="field" name="nps"></crm-nps-widget></fieldset>
      </form>`,
    );
    const el = form.querySelector('crm-nps-widget')!;
    await until(() => radios(el)[0]!.disabled, 'disabled');
    expect(radios(el).every((radio) => radio.disabled)).to.equal(true);
    expect($(el, '[role="radiogroup"]').getAttribute('aria-disabled')).to.equal('true');
    form.querySelector('fieldset')!.disabled = false;
    await until(() => !radios(el)[0]!.disabled, 'enabled again');
  });
});
