/** Building blocks shared by every collection's schema. */
import '../zod-config.js';
import { z } from 'zod';

/** Ids are URL- and key-safe: they end up in IndexedDB keys, URLs, SQL parameters and DOM attributes. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export const IdSchema = z
  .string()
  .regex(ID_PATTERN, 'must be 1–128 letters, digits or _ . : - (starting with a letter or digit)');

/**
 * ISO-8601 date-time with an offset (`Z` or `+03:00`), stored as UTC (`2026-11-22T09:00:00.000Z`): only one form
 * per instant lets strings sort as instants, in indexes, in JsonLogic and in SQL alike.
 */
export const DateTimeSchema = z.iso
  .datetime({ offset: true })
  .refine((value) => !Number.isNaN(Date.parse(value)), 'is not a real date')
  .transform((value) => new Date(value).toISOString());

export const CURRENCIES = ['TRY', 'EUR', 'USD'] as const;
export const CurrencySchema = z.enum(CURRENCIES);
export type Currency = z.infer<typeof CurrencySchema>;

/** Money amounts are plain numbers in the currency's major unit, never negative, never NaN or Infinity. */
export const AmountSchema = z.number().finite().min(0).max(1e12);

/** The fields the kernel owns: set on every write, never trusted from the caller. */
export const systemFields = {
  id: IdSchema,
  rev: z.string().min(1).max(64),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
};

export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{4,22}$/;
export const PhoneSchema = z.string().trim().regex(PHONE_PATTERN, 'must be a phone number such as +90 212 555 01 01');
export const EmailSchema = z.email();

/** A short text typed by a person: trimmed, bounded. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'is required').max(max);
