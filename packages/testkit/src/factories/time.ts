/** Fixed timestamps, so that runs are reproducible and sort orders can be predicted. */

export const FIXTURE_EPOCH = Date.UTC(2024, 0, 15, 9, 0, 0);

/** An ISO-8601 timestamp `minutes` after (or, when negative, before) the fixtures' epoch. */
export function isoAt(minutes: number): string {
  return new Date(FIXTURE_EPOCH + minutes * 60_000).toISOString();
}
