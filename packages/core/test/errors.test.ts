import { expect } from 'chai';
import { CrmConflictError, CrmValidationError, formatPath } from '@crmkit/core';

describe('errors', () => {
  it('names the field path and reason of every issue', () => {
    const error = new CrmValidationError(
      [{ path: ['address', 'city'], message: 'Required', code: 'invalid_type' }],
      'customers',
    );
    expect(error).to.be.instanceOf(Error);
    expect(error.code).to.equal('validation');
    expect(error.name).to.equal('CrmValidationError');
    expect(error.message).to.equal('invalid customers: address.city: Required');
  });
  it('formats array indexes in paths', () => {
    expect(formatPath(['lines', 2, 'quantity'])).to.equal('lines[2].quantity');
    expect(formatPath([])).to.equal('(root)');
  });
  it('carries the stored document on conflict', () => {
    const error = new CrmConflictError('c1', { id: 'c1', rev: '2-x' }, 'customers');
    expect(error.current).to.deep.equal({ id: 'c1', rev: '2-x' });
    expect(error.message).to.contain('2-x');
  });
});
