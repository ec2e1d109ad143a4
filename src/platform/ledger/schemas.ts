import { z } from 'zod';
import { textEnum, timestamp } from '../output-schemas.ts';
import { EXTENSION_STATES, LEDGER_STATUS_CODES } from './ledger-states.ts';

/** One item of the dispatch-and-reply ledger as lists and pages show it. */
export const ledgerItemSchema = z
  .object({
    id: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    title: z.string(),
    link: z.string().nullable(),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    status: textEnum(LEDGER_STATUS_CODES),
    receivedOn: z.string(),
    dueDate: z.string(),
    workingDays: z.number(),
    extendedDays: z.number(),
    extension: textEnum(EXTENSION_STATES),
    extensionDays: z.number().nullable(),
    extensionReason: z.string().nullable(),
    returnReason: z.string().nullable(),
    repliedOn: z.string().nullable(),
    /** Open and past due, or replied after the due date. */
    overdue: z.boolean(),
    updatedAt: timestamp,
  })
  .meta({ id: 'LedgerItem' });

export const ledgerEventSchema = z
  .object({
    id: z.number(),
    at: timestamp,
    actorName: z.string(),
    action: z.string(),
    note: z.string().nullable(),
    fromUnit: z.string().nullable(),
    toUnit: z.string().nullable(),
  })
  .meta({ id: 'LedgerEvent' });

export const ledgerDetailSchema = ledgerItemSchema.extend({ timeline: z.array(ledgerEventSchema) }).meta({ id: 'LedgerItemDetail' });

export const ledgerUnitCountSchema = z.object({ unitId: z.string().nullable(), unitName: z.string().nullable(), open: z.number(), dueSoon: z.number(), overdue: z.number() });
