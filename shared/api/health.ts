/** `GET /api/health` (no token needed: start-up probes) and `GET /api/access` (204 once the token is accepted: no body). */
import * as z from 'zod';

export const healthResponseZod = z.object({ ok: z.literal(true), version: z.string() });
export type HealthResponse = z.infer<typeof healthResponseZod>;
