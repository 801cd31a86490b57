import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { eventually, textOf, useDemoHarness } from './demo-harness.js';
import { customerPageReady, goTo, linkTo, listedIds, npsReportReady, reportedAnswers, stored } from './demo-steps.js';

describe('the demo erases a customer (KVKK/GDPR) (Chromium)', function () {
  const harness = useDemoHarness(this);

  it('leaves no trace in any view or in IndexedDB, and keeps the erasure’s audit record', async () => {
    const page = await harness().open();
    const before = await stored(page);
    // A listed customer with NPS answers and an e-mail, so that the report and the raw scan have something to lose;
    // with a name and an e-mail nobody else has, so that finding them anywhere means a trace.
    const onList = await listedIds(page);
    const answered = new Set(before.npsResponses.map((r) => r.customerId));
    const uses = (value: string) => before.customers.filter((c) => JSON.stringify(c).includes(value)).length;
    const id = onList.find((candidate) => {
      const customer = before.customers.find((c) => c.id === candidate);
      const email = customer?.emails?.[0];
      return answered.has(candidate) && !!email && uses(email) === 1 && uses(customer.name) === 1;
    });
    expect(id, 'a listed customer with NPS answers, a unique name and an e-mail').to.be.a('string');
    const customer = before.customers.find((c) => c.id === id)!;
    const email = customer.emails![0]!;
    const theirAnswers = before.npsResponses.filter((r) => r.customerId === id).length;
    const theirRows = Object.values(before.all)
      .flat()
      .filter((row) => JSON.stringify(row).includes(id!)).length;
    expect(theirRows, 'rows that mention the customer before').to.be.greaterThan(theirAnswers);

    // The list's search finds them before…
    const search = page.locator('demo-customers-page input[type="search"][data-demo="search"]');
    await search.fill(customer.name);
    await page
      .locator(`demo-customers-page ${linkTo(id!)}`)
      .first()
      .waitFor();
    await goTo(page, '#/insights');
    await npsReportReady(page);
    const answersBefore = await eventually(
      () => reportedAnswers(page),
      (n) => n === before.npsResponses.length,
    );
    expect(answersBefore).to.equal(before.npsResponses.length);

    // Erase from the customer page, through its confirmation dialog.
    await goTo(page, `#/customer/${encodeURIComponent(id!)}`);
    await customerPageReady(page, id!);
    await page.locator('demo-customer-page button[data-action="erase"]').click();
    const dialog = page.locator('demo-customer-page dialog[open]');
    await dialog.waitFor();
    await dialog.locator('button[data-action="confirm-erase"]').click();
    await page.waitForFunction(() => location.hash === '#/customers' || location.hash === '');
    await page.getByText('The customer was erased. An audit record of the erasure').first().waitFor();

    // …and not after (the same search, typed again).
    await search.fill('');
    await search.fill(customer.name);
    const listed = await eventually(
      async () => ({
        links: await page.locator(`demo-customers-page ${linkTo(id!)}`).count(),
        table: await textOf(page, 'demo-customers-page table'),
        range: await textOf(page, 'demo-customers-page .demo-range'),
      }),
      (now) => now.links === 0 && !now.table.includes(customer.name),
      5_000,
    );
    expect(listed.links, `links in the list (${listed.range})`).to.equal(0);
    expect(listed.table, 'the name in the list').to.not.contain(customer.name);
    await goTo(page, `#/customer/${encodeURIComponent(id!)}`);
    await page.locator(`demo-customer-page[customer-id="${id}"]`).waitFor();
    await page.locator('demo-customer-page').getByRole('heading', { name: 'Customer not found' }).waitFor();
    expect(await page.locator('demo-customer-page crm-customer-card').count(), 'a card on the route').to.equal(0);
    expect(await page.locator('demo-customer-page').getByText(customer.name).count(), 'the name').to.equal(0);
    await goTo(page, '#/insights');
    await npsReportReady(page);
    const answersAfter = await eventually(
      () => reportedAnswers(page),
      (n) => n === answersBefore - theirAnswers,
    );
    expect(answersAfter, 'answers in the NPS report').to.equal(answersBefore - theirAnswers);

    // IndexedDB, read raw: no store holds the id, the name or the e-mail.
    const after = await stored(page);
    const traces = Object.entries(after.all).flatMap(([store, rows]) =>
      rows
        .map((row) => JSON.stringify(row))
        .filter((json) => json.includes(id!) || json.includes(customer.name) || json.includes(email))
        .map((json) => `${store}: ${json.slice(0, 160)}`),
    );
    expect(traces).to.deep.equal([]);
    expect(after.customers).to.have.length(before.customers.length - 1);

    // The audit record stays: who, when, how many; the subject only as the tenant-salted hash.
    const audit = (after.all.audit ?? []) as { kind: string; subject: string; counts: Record<string, number> }[];
    const subject = createHash('sha256').update(`demo\u0000${id}`).digest('hex');
    const record = audit.find((row) => row.kind === 'erasure' && row.subject === subject);
    expect(record, 'the erasure audit record').to.not.equal(undefined);
    expect(record!.counts).to.include({ customers: 1, npsResponses: theirAnswers });
    expect(page.errors).to.deep.equal([]);
  });
});
