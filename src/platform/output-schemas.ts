import { z } from 'zod';

/**
 * Building blocks for the zod schemas of what operations answer (each module's schemas.ts). The
 * routes declare them as response schemas: Fastify serialises with them (a field not named is
 * dropped) and /api/docs, and from it the admin app's client, describe them.
 */

/**
 * A moment in time: drizzle gives Date, raw SQL sometimes an ISO string; both go out as a string.
 */
export const timestamp = z.union([z.date(), z.string()]);

/** `{ ok: true }`: done, nothing more to say. */
export const okBody = z.object({ ok: z.boolean().pipe(z.literal(true)) });

/**
 * A value the database keeps as untyped JSON, declared with the shape it has: the operation may
 * return `unknown`, the answer is checked against `s`.
 */
export const stored = <S extends z.ZodType>(s: S) => z.unknown().pipe(s);

/** A value the database keeps as plain text (a status, a kind), declared with the values it may take. */
export const textEnum = <const T extends readonly [string, ...string[]]>(values: T) => z.string().pipe(z.enum(values));
