/** Small realistic inputs shared by the core tests. */
import type { CustomerInput } from '@crmkit/core';

export const ayse: CustomerInput = {
  name: 'Ayşe Yılmaz',
  emails: ['ayse@example.com.tr'],
  phones: ['+90 532 555 01 01'],
  company: 'Yılmaz Kuyumculuk',
  address: { city: 'İstanbul', district: 'Şişli', country: 'TR' },
  language: 'tr',
  tags: ['vip', 'gold-buyer'],
  acquisition: { channel: 'store', at: '2024-03-01T10:00:00+03:00' },
};

export const john: CustomerInput = {
  name: 'John Smith',
  emails: ['john@example.com'],
  address: { city: 'Izmir', country: 'TR' },
  language: 'en',
  tags: [],
};

export const fixedNow = () => new Date('2026-11-22T09:00:00.000Z');
