import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { fitInWorker, fitModels, summarizeTransactions } from '@crmkit/analytics';
import { CDNOW_CALIBRATION_END, cdnowSampleTransactions } from './support.js';

describe('fitInWorker (Chromium)', () => {
  it('fits CDNOW in a module worker with the same result as on the main thread', async () => {
    const rows = summarizeTransactions(cdnowSampleTransactions(), {
      unit: 'week',
      observationEnd: CDNOW_CALIBRATION_END,
      later: 'ignore',
    });
    const inWorker = await fitInWorker(rows);
    expect(inWorker.thread).to.equal('worker');
    const here = fitModels(rows);
    expect(inWorker.bgNbd).to.deep.equal(here.bgNbd);
    expect(inWorker.gammaGamma).to.deep.equal(here.gammaGamma);
    expect(inWorker.bgNbd.r).to.be.closeTo(0.243, 0.243 * 0.005);
    expect((await fitInWorker(rows, { thread: 'main' })).thread).to.equal('main');
  });

  it('rejects bad rows from the worker with the same typed error and paths', async () => {
    let error: unknown;
    try {
      await fitInWorker([
        { frequency: 1, recency: 2, T: 5, monetaryValue: 3 },
        { frequency: 2, recency: 9, T: 5, monetaryValue: 3 },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(CrmValidationError);
    expect((error as CrmValidationError).issues.map((issue) => issue.path)).to.deep.equal([[1, 'recency']]);
  });
});
