import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';
import { counters } from '../../db/schema.ts';

/**
 * Takes the next value of an office's counter for a series and year: 1 for the first, then 2, 3, …
 *
 * One statement, atomic on both engines: the first caller inserts 1; later callers, including one that
 * raced the first insert, update the row and get its next value. The row stays locked until the calling
 * transaction ends, so concurrent issuers of the same series queue here, and a transaction that rolls
 * back returns its value: numbers have no gaps. That is why this takes a `Tx` and must run in the
 * transaction that stores the numbered record. Take the counter before `recordEvent`, as every issuer
 * does, so two issuers always take their locks in the same order.
 */
export async function nextValue(tx: Tx, officeId: number, series: string, year: number): Promise<number> {
  const [row] = await queryRows<{ value: number }>(
    tx,
    sql`INSERT INTO ${counters} (office_id, series, year, value) VALUES (${officeId}, ${series}, ${year}, 1)
        ON CONFLICT (office_id, series, year) DO UPDATE SET value = ${counters}.value + 1
        RETURNING value`,
  );
  if (!row) throw new Error('counter upsert returned no row');
  return Number(row.value);
}
