import { expect } from 'chai';
import { createCrm, CrmValidationError, type Activity, type Crm, type Locale } from '@crmkit/core';
import {
  REPAIR_JOB_STATUSES,
  REPAIR_JOB_TONES,
  renderRepairJob,
  repairJobsPlugin,
  type RepairJobData,
} from '@crmkit/plugin-repair-jobs';

const job: RepairJobData = {
  item: 'Gold ring, resize to 54',
  jobNumber: 'TMR-2025-0042',
  status: 'inProgress',
  promisedAt: '2025-03-10T12:00:00.000Z',
  price: 1250,
  notes: 'Customer will collect at the Nişantaşı shop',
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function render(crm: Crm, activity: Activity, locale: Locale) {
  const type = crm.host.contributions.timelineTypes.find((t) => t.type === 'repairJob')!;
  return type.render(activity, { locale, t: (key, params) => crm.t(key, params, locale) });
}

describe('plugin-repair-jobs', () => {
  it('stores a valid repair job through crm.activities.put', async () => {
    const crm = await createCrm({ plugins: [repairJobsPlugin()] });
    const saved = await crm.activities.put({
      customerId: 'c1',
      type: 'repairJob',
      at: '2025-03-01T09:00:00Z',
      data: { ...job, promisedAt: '2025-03-10T15:00:00+03:00' },
    });
    expect(saved.type).to.equal('repairJob');
    if (saved.type !== 'repairJob') throw new Error('narrowing');
    expect(saved.data).to.deep.equal(job);
    expect((await crm.activities.forCustomer('c1')).items).to.have.length(1);
    const minimal = await crm.activities.put({
      customerId: 'c1',
      type: 'repairJob',
      at: '2025-03-02T09:00:00Z',
      data: { item: '  Pearl necklace, restring ', jobNumber: 'TMR-7', status: 'received' },
    });
    expect(minimal.data).to.deep.equal({ item: 'Pearl necklace, restring', jobNumber: 'TMR-7', status: 'received' });
  });

  it('refuses invalid data with the paths of the fields and writes nothing', async () => {
    const crm = await createCrm({ plugins: [repairJobsPlugin()] });
    const bad = (await rejection(
      crm.activities.put({
        customerId: 'c1',
        type: 'repairJob',
        at: '2025-03-01T09:00:00Z',
        data: { item: '', jobNumber: 'TMR-1', status: 'lost', price: -5, promisedAt: 'tomorrow' },
      }),
    )) as CrmValidationError;
    expect(bad).to.be.instanceOf(CrmValidationError);
    expect([...new Set(bad.issues.map((issue) => issue.path.join('.')))].sort()).to.deep.equal([
      'data.item',
      'data.price',
      'data.promisedAt',
      'data.status',
    ]);
    const extra = (await rejection(
      crm.activities.put({
        customerId: 'c1',
        type: 'repairJob',
        at: '2025-03-01T09:00:00Z',
        data: { item: 'Ring', status: 'ready', colour: 'gold' },
      }),
    )) as CrmValidationError;
    expect(extra.issues.map((issue) => issue.path.join('.')).sort()).to.deep.equal(['data', 'data.jobNumber']);
    expect((await crm.activities.count()).count).to.equal(0);
  });

  it('renders plain text in English and Turkish', async () => {
    const crm = await createCrm({ plugins: [repairJobsPlugin()] });
    const saved = await crm.activities.put({
      customerId: 'c1',
      type: 'repairJob',
      at: '2025-03-01T09:00:00Z',
      data: job,
    });
    const en = render(crm, saved, 'en');
    expect(en.title).to.equal('Repair TMR-2025-0042: Gold ring, resize to 54');
    expect(en.status).to.deep.equal({ label: 'In progress', tone: 'info' });
    expect(en.summary).to.equal('In progress · Customer will collect at the Nişantaşı shop');
    expect(en.fields!.map((f) => f.label)).to.deep.equal(['Job number', 'Promised for', 'Price', 'Notes']);
    expect(en.fields![1]!.value).to.equal('Mar 10, 2025');
    expect(en.fields![2]!.value).to.match(/^TRY\s1,250\.00$/);
    const tr = render(crm, saved, 'tr');
    expect(tr.title).to.equal('Tamir TMR-2025-0042: Gold ring, resize to 54');
    expect(tr.status).to.deep.equal({ label: 'Onarımda', tone: 'info' });
    expect(tr.fields!.map((f) => f.label)).to.deep.equal(['İş numarası', 'Söz verilen tarih', 'Ücret', 'Notlar']);
    expect(tr.fields![1]!.value).to.equal('10 Mar 2025');
    expect(tr.fields![2]!.value).to.contain('1.250,00');
    expect(crm.host.contributions.timelineTypes[0]!.label).to.deep.equal({ en: 'Repair job', tr: 'Tamir işi' });
    expect(crm.t('repairJob.status.ready', {}, 'tr')).to.equal('Teslime hazır');
  });

  it('has a timeline icon from the symbol blocks that common text fonts cover, like the core types', async () => {
    const crm = await createCrm({ plugins: [repairJobsPlugin()] });
    const { icon } = crm.host.contributions.timelineTypes.find((t) => t.type === 'repairJob')!;
    const points = [...icon].map((c) => c.codePointAt(0)!);
    expect(points).to.have.length(1);
    // Geometric Shapes, Miscellaneous Symbols and Dingbats (U+25A0–U+27BF): DejaVu and most system fonts have
    // them; emoji planes (U+1F000 and up) need an emoji font that servers and headless browsers often lack.
    expect(points[0]).to.be.within(0x25a0, 0x27bf);
    await crm.close();
  });

  it('gives each status its tone, also without the crm’s catalogue', () => {
    expect(REPAIR_JOB_TONES).to.deep.equal({
      received: 'neutral',
      inProgress: 'info',
      ready: 'warning',
      collected: 'success',
      cancelled: 'danger',
    });
    const views = REPAIR_JOB_STATUSES.map((status) =>
      renderRepairJob({ item: 'Watch', jobNumber: 'W-1', status }, { locale: 'tr', t: (key) => key }),
    );
    expect(views.map((view) => view.status)).to.deep.equal([
      { label: 'Teslim alındı', tone: 'neutral' },
      { label: 'Onarımda', tone: 'info' },
      { label: 'Teslime hazır', tone: 'warning' },
      { label: 'Teslim edildi', tone: 'success' },
      { label: 'İptal edildi', tone: 'danger' },
    ]);
    expect(views[0]!.fields).to.deep.equal([{ label: 'İş numarası', value: 'W-1' }]);
    expect(views[0]!.summary).to.equal('Teslim alındı');
  });
});
