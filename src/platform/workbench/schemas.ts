import { z } from 'zod';

const item = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  href: z.string(),
  tone: z.enum(['danger', 'warning', 'info', 'default']),
  hint: z.string().optional(),
});

export const workbench = z
  .object({
    asOf: z.string(),
    weekEnd: z.string(),
    sources: z.array(
      z.object({
        id: z.string(),
        module: z.string(),
        title: z.string(),
        /** unavailable: the source failed or was too slow this time; the rest of the page stands. */
        status: z.enum(['ok', 'unavailable']),
        items: z.array(item),
      }),
    ),
    deadlines: z.array(z.object({ date: z.string(), label: z.string(), href: z.string(), module: z.string(), sourceId: z.string() })),
    /** All deadlines of the week, of which at most 60 are listed. */
    deadlinesTotal: z.number().int(),
  })
  .meta({ id: 'Workbench' });
