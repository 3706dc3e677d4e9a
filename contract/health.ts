import { z } from 'zod';

export const Health = z.object({
  ok: z.boolean(),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;
