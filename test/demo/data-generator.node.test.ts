/**
 * The demo's generated customer base: reproducible, of the promised size and shape, valid for the crm's schemas,
 * consistent with itself (purchase facts, latest NPS, sales documents), and a fair sample of BG/NBD.
 */
import { expect } from 'chai';
import {
  CONSENT_SOURCES,
  EmailSchema,
  PhoneSchema,
  createCrm,
  memoryStorage,
  type Activity,
  type ActivityInput,
} from '@crmkit/core';
import { analyticsPlugin, fitBgNbd, summarizeTransactions } from '@crmkit/analytics';
import { segmentsPlugin } from '@crmkit/segments';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
import { iysExportPlugin } from '@crmkit/plugin-iys-export';
import { repairJobsPlugin } from '@crmkit/plugin-repair-jobs';
import { DEMO_NOW, demoDataPlan, generateDemoData, type DemoCustomerData } from '../../demo/src/data/generator.js';
import { BG_NBD_TRUTH } from '../../demo/src/data/purchases.js';
import { writeDemoData, type SeedProgress } from '../../demo/src/data/write.js';
import { startOfToday } from '../../demo/src/data/seeding.js';

const NOW = new Date(DEMO_NOW);
const generate = (options: Parameters<typeof generateDemoData>[0]) => [...generateDemoData(options)];
const purchasesOf = (data: DemoCustomerData) =>
  data.activities.filter((a): a is ActivityInput<'purchase'> => a.type === 'purchase');

describe('demo data generator', function () {
  this.timeout(120_000);

  describe('determinism', () => {
    it('gives the same documents for the same seed, size and now', () => {
      expect(generate({ seed: 3, size: 200 })).to.deep.equal(generate({ seed: 3, size: 200 }));
    });

    it('gives other customers for another seed', () => {
      const names = (seed: number) => generate({ seed, size: 100 }).map((d) => d.customer.name);
      const a = names(3);
      const b = names(4);
      expect(a.filter((name, i) => name !== b[i]).length).to.be.greaterThan(80);
    });

    it('keeps customer n the same at any size (a smaller demo is a prefix of a larger one)', () => {
      expect(generate({ seed: 3, size: 50 })).to.deep.equal(generate({ seed: 3, size: 120 }).slice(0, 50));
    });

    it('moves the whole history with now', () => {
      const later = new Date(NOW.getTime() + 10 * 86_400_000);
      const a = generate({ size: 20 });
      const b = generate({ size: 20, now: later });
      expect(a.map((d) => d.customer.name)).to.deep.equal(b.map((d) => d.customer.name));
      expect(b[0]!.customer.createdAt).to.not.equal(a[0]!.customer.createdAt);
    });

    it('refuses a size or now it cannot use', () => {
      expect(() => demoDataPlan({ size: -1 })).to.throw(RangeError);
      expect(() => demoDataPlan({ size: 1.5 })).to.throw(RangeError);
      expect(() => demoDataPlan({ now: 'not a date' })).to.throw(RangeError);
    });

    it('rounds the demo clock down to the day, so starts on one day generate the same data', () => {
      expect(startOfToday(new Date('2026-11-22T17:45:12.345Z')).toISOString()).to.equal('2026-11-22T00:00:00.000Z');
    });
  });

  describe('at the full size (10,000 customers)', () => {
    let all: DemoCustomerData[];
    before(() => {
      all = generate({});
    });

    it('has 10,000 customers and about 20 activities per customer', () => {
      expect(all).to.have.length(10_000);
      const activities = all.reduce((sum, d) => sum + d.activities.length, 0);
      expect(activities).to.be.within(190_000, 215_000);
      const ids = new Set(all.flatMap((d) => d.activities.map((a) => a.id)));
      expect(ids.size).to.equal(activities);
    });

    it('has every kind of record the demo shows', () => {
      const types = new Set(all.flatMap((d) => d.activities.map((a) => a.type)));
      expect([...types].sort()).to.deep.equal(
        ['call', 'consent', 'email', 'meeting', 'note', 'nps', 'purchase', 'repairJob', 'task', 'ticket'].sort(),
      );
      const kinds = new Set(all.flatMap((d) => d.salesDocuments.map((s) => s.kind)));
      expect([...kinds].sort()).to.deep.equal(['invoice', 'order', 'quote']);
      expect(all.some((d) => d.tickets.length)).to.equal(true);
      const touchpoints = new Set(all.flatMap((d) => d.npsResponses.map((r) => r.touchpoint)));
      expect([...touchpoints].sort()).to.deep.equal(['purchase', 'repair-pickup', 'store-visit', 'web-order']);
    });

    it('spreads customers over İstanbul, Ankara and İzmir, with some elsewhere', () => {
      const share = (city: string) => all.filter((d) => d.customer.address?.city === city).length / all.length;
      expect(share('İstanbul')).to.be.within(0.42, 0.54);
      expect(share('Ankara')).to.be.within(0.17, 0.25);
      expect(share('İzmir')).to.be.within(0.13, 0.21);
      const elsewhere = 1 - share('İstanbul') - share('Ankara') - share('İzmir');
      expect(elsewhere).to.be.within(0.08, 0.2);
      expect(all.some((d) => d.customer.address?.country === 'GB')).to.equal(true);
    });

    it('names customers in Turkish (with ç ğ ı İ ö ş ü) and some in English, in their language', () => {
      const names = all.map((d) => d.customer.name).join(' ');
      for (const letter of ['ç', 'ğ', 'ı', 'İ', 'ö', 'ş', 'ü', 'Ç', 'Ö', 'Ş', 'Ü']) expect(names).to.include(letter);
      const english = all.filter((d) => d.customer.language === 'en');
      expect(english.length / all.length).to.be.within(0.05, 0.2);
      expect(english.every((d) => /^[A-Za-z' ]+$/.test(d.customer.name))).to.equal(true);
      expect(all.every((d) => d.customer.language === 'tr' || d.customer.language === 'en')).to.equal(true);
    });

    it('writes e-mails and phones that the crm accepts, and consents for them with İYS sources', () => {
      const problems: string[] = [];
      for (const { customer, consents } of all) {
        for (const email of customer.emails ?? []) if (!EmailSchema.safeParse(email).success) problems.push(email);
        for (const phone of customer.phones ?? []) if (!PhoneSchema.safeParse(phone).success) problems.push(phone);
        for (const consent of consents) {
          const addresses = consent.channel === 'email' ? customer.emails : customer.phones;
          if (!CONSENT_SOURCES.includes(consent.source) || !addresses?.includes(consent.recipient))
            problems.push(String(consent.id));
        }
      }
      expect(problems).to.deep.equal([]);
      const consents = all.flatMap((d) => d.consents);
      const denied = consents.filter((c) => c.status === 'denied').length / consents.length;
      expect(denied).to.be.within(0.15, 0.45);
      expect(new Set(consents.map((c) => c.channel))).to.deep.equal(new Set(['email', 'sms', 'call']));
    });

    it('acquires customers through every channel, before their first purchase or at it', () => {
      const channels = new Set(all.map((d) => d.customer.acquisition?.channel));
      expect([...channels].sort()).to.deep.equal(['agent', 'referral', 'social', 'store', 'web']);
      for (const { customer } of all) {
        const first = customer.lifecycle?.firstPurchaseAt;
        if (first) expect(customer.acquisition!.at <= first).to.equal(true);
      }
    });

    it('keeps everything before now and after the customer was won', () => {
      const problems: string[] = [];
      for (const { customer, activities, npsResponses, salesDocuments } of all) {
        const start = customer.acquisition!.at;
        const times = [
          ...activities.map((a) => a.at),
          ...npsResponses.map((r) => r.at),
          ...salesDocuments.map((s) => s.issuedAt),
        ];
        for (const at of times) if (at >= DEMO_NOW || at < start) problems.push(`${customer.id} ${at}`);
      }
      expect(problems).to.deep.equal([]);
    });

    it('keeps customer.lifecycle equal to what the purchases say, as the analytics plugin would', () => {
      for (const data of all) {
        const purchases = purchasesOf(data);
        const lifecycle = data.customer.lifecycle;
        if (!purchases.length) {
          expect(lifecycle).to.equal(undefined);
          continue;
        }
        const times = purchases.map((p) => p.at).sort();
        const total = purchases.reduce((sum, p) => sum + (p.data as { total: number }).total, 0);
        expect(lifecycle).to.include({
          firstPurchaseAt: times[0],
          lastPurchaseAt: times.at(-1),
          purchases: purchases.length,
          totalSpent: Math.round(total * 100) / 100,
          currency: 'TRY',
        });
      }
    });

    it('keeps custom.lastNpsScore/lastNpsAt as the latest answer, each answer with its nps activity', () => {
      for (const { customer, npsResponses, activities } of all) {
        const latest = [...npsResponses].sort((a, b) => (a.at < b.at ? 1 : -1))[0];
        expect(customer.custom).to.deep.equal(latest ? { lastNpsScore: latest.score, lastNpsAt: latest.at } : {});
        const npsActivities = activities.filter((a) => a.type === 'nps');
        expect(npsActivities.map((a) => (a.data as { responseId: string }).responseId)).to.deep.equal(
          npsResponses.map((r) => r.id),
        );
      }
      const scores = all.flatMap((d) => d.npsResponses.map((r) => r.score));
      const promoters = scores.filter((s) => s >= 9).length / scores.length;
      const detractors = scores.filter((s) => s <= 6).length / scores.length;
      expect(promoters - detractors).to.be.within(0, 0.6);
    });

    it('links orders to their purchases, with the purchase total as the order gross', () => {
      const orders = new Map(
        all.flatMap((d) => d.salesDocuments.filter((s) => s.kind === 'order').map((s) => [s.id!, s] as const)),
      );
      let linked = 0;
      for (const data of all) {
        for (const purchase of purchasesOf(data)) {
          const { orderId, total } = purchase.data as { orderId?: string; total: number };
          if (!orderId) continue;
          const order = orders.get(orderId)!;
          const gross = order.lines.reduce((sum, l) => sum + Math.round(l.quantity * l.unitPrice * 1.2 * 100) / 100, 0);
          expect(gross).to.equal(total);
          linked++;
        }
      }
      expect(linked).to.be.greaterThan(1000);
    });

    it('is a sample of BG/NBD: the analytics fit recovers the parameters it was drawn with', () => {
      const transactions = all.flatMap((d) =>
        purchasesOf(d).map((p) => ({
          customerId: p.customerId,
          at: p.at,
          amount: (p.data as { total: number }).total,
        })),
      );
      const fit = fitBgNbd(summarizeTransactions(transactions, { unit: 'week', observationEnd: NOW }));
      expect(fit.converged).to.equal(true);
      expect(fit.r).to.be.closeTo(BG_NBD_TRUTH.r, BG_NBD_TRUTH.r * 0.25);
      expect(fit.alpha).to.be.closeTo(BG_NBD_TRUTH.alpha, BG_NBD_TRUTH.alpha * 0.25);
      expect(fit.a).to.be.closeTo(BG_NBD_TRUTH.a, BG_NBD_TRUTH.a * 0.35);
      expect(fit.b).to.be.closeTo(BG_NBD_TRUTH.b, BG_NBD_TRUTH.b * 0.35);
    });
  });

  describe('written into a crm (memory storage, the demo page’s plugins)', () => {
    const plugins = () => [
      analyticsPlugin({ currency: 'TRY', now: () => NOW, waitForFit: true }),
      vipTierPlugin(),
      segmentsPlugin(),
      iysExportPlugin(),
      repairJobsPlugin(),
    ];

    it('passes every schema, reports monotonic progress, and the analytics plugin finds nothing to correct', async () => {
      const storage = memoryStorage();
      const crm = await createCrm({ storage, tenant: 'demo', plugins: plugins(), now: () => NOW });
      const progress: SeedProgress[] = [];
      const counts = await writeDemoData(crm, { size: 300, chunkSize: 64, onProgress: (p) => progress.push(p) });
      expect(counts.customers).to.equal(300);
      expect((await crm.customers.count()).count).to.equal(300);
      expect((await crm.activities.count()).count).to.equal(counts.activities);
      expect((await crm.salesDocuments.count()).count).to.equal(counts.salesDocuments);
      expect((await crm.consents.count()).count).to.equal(counts.consents);
      expect((await crm.npsResponses.count()).count).to.equal(counts.npsResponses);
      expect((await crm.tickets.count()).count).to.equal(counts.tickets);
      expect(progress.map((p) => p.done)).to.deep.equal([0, 64, 128, 192, 256, 300, 300]);
      expect(progress.at(-1)).to.deep.equal({ phase: 'done', done: 300, total: 300 });
      await crm.close();

      // A second crm on the same data: its analytics init rewrites customers whose facts disagree.
      const page = await createCrm({ storage, tenant: 'demo', plugins: plugins(), now: () => NOW });
      const customers = await page.customers.all();
      expect(customers.filter((c) => !c.rev.startsWith('1-')).map((c) => c.id)).to.deep.equal([]);
      const withMetrics = customers.slice(0, 50).map((c) => page.metrics.attach(c));
      expect(withMetrics.some((c) => typeof c.metrics.clv === 'number')).to.equal(true);
      const repair = (await page.activities.all({ type: 'repairJob' }))[0] as Activity<'repairJob'> | undefined;
      expect(repair?.data.jobNumber).to.match(/^TMR-\d{4}-\d+$/);
      await page.close();
    });

    it('stops between chunks when aborted, keeping whole customers only', async () => {
      const crm = await createCrm({ storage: memoryStorage(), tenant: 'demo', plugins: plugins(), now: () => NOW });
      const stop = new AbortController();
      const error = await writeDemoData(crm, {
        size: 100,
        chunkSize: 25,
        signal: stop.signal,
        onProgress: (p) => {
          if (p.done === 50) stop.abort();
        },
      }).catch((e: unknown) => e);
      expect((error as Error).name).to.equal('AbortError');
      expect((await crm.customers.count()).count).to.equal(50);
      const ids = new Set((await crm.activities.all()).map((a) => a.customerId));
      expect(ids.size).to.be.at.most(50);
      await crm.close();
    });
  });
});
