import { z } from 'zod';
import { stored, textEnum, timestamp } from '../../platform/output-schemas.ts';
import { APPLICANT_KINDS } from './outcomes.ts';
import { REQUEST_STATUSES } from './statuses.ts';

/** What the requests routes answer (routes.ts). */
const day = z.string().describe('日期 YYYY-MM-DD');
const id = z.string();
const status = textEnum(REQUEST_STATUSES);

export const requestListItem = z
  .object({
    id,
    code: z.string(),
    agencyUnitId: id,
    agencyName: z.string(),
    applicantKind: textEnum(APPLICANT_KINDS),
    applicantName: z.string(),
    channel: z.string(),
    status,
    receivedOn: day.nullable(),
    dueOn: day.nullable(),
    applicantDueOn: day.nullable(),
    closedOn: day.nullable(),
    outcome: z.string().nullable(),
    extendedDays: z.number().int(),
    demo: z.boolean(),
    summary: z.string(),
  })
  .meta({ id: 'RequestListItem' });

export const requestList = z.object({
  items: z.array(requestListItem),
  total: z.number().int(),
  /** False when more cases matched than the list counts (COUNT_CAP): `total` is then a lower bound. */
  totalExact: z.boolean(),
  page: z.number().int(), pageSize: z.number().int(), asOf: day });

export const requestItem = z.object({
  id,
  seq: z.number().int(),
  description: z.string(),
  outcome: z.string().nullable(),
  reason: z.string().nullable(),
  decidedAt: timestamp.nullable(),
});

export const requestEvent = z.object({
  id: z.number().int(),
  kind: z.string(),
  on: day,
  data: stored(z.record(z.string(), z.unknown())),
  note: z.string().nullable(),
  voided: z.boolean(),
  createdAt: timestamp,
  by: z.string().nullable(),
});

export const requestDetail = z
  .object({
    id,
    code: z.string(),
    agencyUnitId: id,
    agencyName: z.string(),
    applicantKind: textEnum(APPLICANT_KINDS),
    applicantName: z.string(),
    applicantIdKind: z.string().nullable(),
    applicantIdMasked: z.string().nullable(),
    applicantPhone: z.string().nullable(),
    applicantEmail: z.string().nullable(),
    applicantAddress: z.string().nullable(),
    mayViewIdentity: z.boolean(),
    channel: z.string(),
    status,
    route: z.string(),
    description: z.string(),
    docNumber: z.string().nullable(),
    purpose: z.string().nullable(),
    preferredForm: z.string().nullable(),
    deliveryMethod: z.string().nullable(),
    receivedOn: day.nullable(),
    closedOn: day.nullable(),
    outcome: z.string().nullable(),
    dueOn: day.nullable(),
    countFrom: day.nullable(),
    pausedDays: z.number().int(),
    extendedDays: z.number().int(),
    correctionWindowEnds: day.nullable(),
    clockNote: z.string().nullable(),
    applicantDueOn: day.nullable(),
    feeBasis: z.string().nullable(),
    feeYuan: z.number().int().nullable(),
    feePaidOn: day.nullable(),
    imported: z.boolean(),
    demo: z.boolean(),
    createdAt: timestamp,
    items: z.array(requestItem),
    events: z.array(requestEvent),
    files: z.array(z.object({ fileId: id, kind: z.string(), name: z.string(), mime: z.string(), size: z.number(), restricted: z.boolean() })),
    duplicates: z.array(z.object({ id, code: z.string(), description: z.string(), receivedOn: day.nullable(), status: z.string(), outcome: z.string().nullable(), similarity: z.number() })),
    volume: z.object({ month: z.string(), count: z.number().int(), position: z.number().int(), watch: z.boolean(), monthTotalByItems: z.number().int() }).nullable(),
  })
  .meta({ id: 'RequestDetail' });

export const stepResult = z.object({
  id,
  status,
  dueOn: day.nullable(),
  outcome: z.string().nullable(),
  closedOn: day.nullable(),
  result: z.record(z.string(), z.unknown()).optional(),
});

export const createdCase = z.object({ id, code: z.string() });
export const identity = z.object({ applicantIdKind: z.string().nullable(), applicantIdNumber: z.string().nullable() });
export const dueAnswer = z.object({ due: day.nullable(), countFrom: day.nullable(), pausedDays: z.number().int(), extendedDays: z.number().int(), awaitingCorrection: z.boolean(), correctionWindowEnds: day });
export const feeAnswer = z.object({ yuan: z.number().int(), bands: z.array(z.object({ from: z.number().int(), to: z.number().int(), count: z.number().int(), unitYuan: z.number().int(), yuan: z.number().int() })) });
