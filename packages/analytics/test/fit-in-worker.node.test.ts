import { expect } from 'chai';
import { fitInWorker, fitModels } from '@crmkit/analytics';
import { cdnowSummary } from './support.js';

describe('fitInWorker (Node)', () => {
  it('falls back to this thread where there is no Worker, with the same result', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).to.equal('undefined');
    const rows = cdnowSummary().map((row) => ({ ...row, monetaryValue: 0 }));
    const result = await fitInWorker(rows);
    expect(result.thread).to.equal('main');
    expect(result.bgNbd).to.deep.equal(fitModels(rows).bgNbd);
  });
});
