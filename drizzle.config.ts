import { defineConfig } from 'drizzle-kit';

// drizzle-kit writes SQL migrations from src/db/schema.ts; src/db/migrate.ts applies them on both engines.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
});
