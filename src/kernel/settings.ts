import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { settings } from '../db/schema.ts';

/**
 * A secret generated once per installation and shared by every process through the database, so that
 * cookies signed by one app process are accepted by the others.
 */
export async function installationSecret(exec: Executor, key: string): Promise<string> {
  // Read first: after the first call this is a plain lookup, with no write on a hot path (tracking).
  const [existing] = await exec.select().from(settings).where(eq(settings.key, key));
  if (existing) return existing.value;
  await exec.insert(settings).values({ key, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await exec.select().from(settings).where(eq(settings.key, key));
  return row!.value;
}
