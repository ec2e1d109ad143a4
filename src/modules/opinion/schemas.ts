import { z } from 'zod';
import { textEnum, timestamp } from '../../platform/output-schemas.ts';
import { CATEGORIES, COMMITMENT_STATES, EVENT_STATUSES, LEVELS, PRESS_KINDS, SOURCES, STEP_KINDS, SUPERVISION_KINDS } from './kinds.ts';

/** What the opinion routes answer (routes.ts); the admin app's types are generated from these. */

const day = z.string().describe('日期 YYYY-MM-DD');
const id = z.string();

export const settings = z
  .object({
    coordinatorUnitId: z.string().nullable(),
    authoritativeHours: z.number().int(),
    pressConferenceHours: z.number().int(),
    responseHours: z.number().int(),
    remindBeforeHours: z.number().int(),
  })
  .meta({ id: 'OpinionSettings' });

export const domain = z.object({ id, name: z.string(), sort: z.number().int(), units: z.array(z.object({ id, name: z.string() })) }).meta({ id: 'OpinionDomain' });
export const domainRow = z.object({ id, name: z.string(), sort: z.number().int(), unitIds: z.array(z.string()) });

export const docLink = z.object({ id, title: z.string(), status: z.string(), url: z.string().nullable(), columnName: z.string() }).meta({ id: 'OpinionDocLink' });

export const clock = z
  .object({
    kind: textEnum(['authoritative', 'press_conference', 'response']),
    hours: z.number(),
    dueAt: timestamp,
    doneAt: timestamp.nullable(),
    state: textEnum(['met', 'late', 'open', 'overdue']),
    elapsedHours: z.number(),
  })
  .meta({ id: 'OpinionClock' });

export const eventBase = z.object({
  id,
  source: textEnum(SOURCES),
  sourceUrl: z.string().nullable(),
  sourceText: z.string().nullable(),
  firstSeenAt: timestamp,
  summary: z.string(),
  domainId: z.string().nullable(),
  category: textEnum(CATEGORIES),
  level: textEnum(LEVELS),
  responsibleUnitId: id,
  status: textEnum(EVENT_STATUSES),
  isSample: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const eventListItem = eventBase
  .extend({ unitName: z.string(), domainName: z.string().nullable(), clocks: z.array(clock), overdue: z.boolean(), firstResponseAt: timestamp.nullable() })
  .meta({ id: 'OpinionEventListItem' });

export const eventList = z.object({ total: z.number().int(), items: z.array(eventListItem), seesAll: z.boolean() });

export const step = z
  .object({
    id,
    eventId: id,
    kind: textEnum(STEP_KINDS),
    at: timestamp,
    participants: z.string().nullable(),
    content: z.string(),
    responseKind: z.string().nullable(),
    documentId: z.string().nullable(),
    url: z.string().nullable(),
    followUp: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'OpinionStep' });

export const commitment = z
  .object({
    id,
    eventId: z.string().nullable(),
    text: z.string(),
    ownerUnitId: id,
    promisedOn: day,
    fulfilledOn: day.nullable(),
    evidence: z.string().nullable(),
    documentId: z.string().nullable(),
    publicUrl: z.string().nullable(),
    isSample: z.boolean(),
    createdAt: timestamp,
  })
  .meta({ id: 'OpinionCommitment' });

export const commitmentItem = commitment
  .extend({ ownerName: z.string(), eventSummary: z.string().nullable().optional(), state: textEnum(COMMITMENT_STATES), document: docLink.nullable() })
  .meta({ id: 'OpinionCommitmentItem' });

export const supervision = z
  .object({ id, unitId: id, eventId: z.string().nullable(), kind: textEnum(SUPERVISION_KINDS), reason: z.string(), heldOn: day, withdrawn: z.boolean(), isSample: z.boolean() })
  .meta({ id: 'OpinionSupervision' });
export const supervisionItem = supervision.extend({ unitName: z.string(), createdByName: z.string().nullable().optional() });

export const eventDetail = z
  .object({
    event: eventBase.extend({ unitName: z.string(), domainName: z.string().nullable() }),
    clocks: z.array(clock),
    steps: z.array(step.extend({ by: z.string().nullable(), document: docLink.nullable() })),
    commitments: z.array(commitmentItem),
    supervisions: z.array(supervisionItem),
  })
  .meta({ id: 'OpinionEventDetail' });

export const pressEvent = z
  .object({
    id,
    kind: textEnum(PRESS_KINDS),
    heldOn: day,
    topic: z.string(),
    organizerUnitId: id,
    speakers: z.string(),
    leaderSpoke: z.boolean(),
    resultDocumentId: z.string().nullable(),
    isSample: z.boolean(),
    createdAt: timestamp,
  })
  .meta({ id: 'PressEvent' });
export const pressEventItem = pressEvent.extend({ organizerName: z.string(), policies: z.array(docLink), result: docLink.nullable() }).meta({ id: 'PressEventItem' });

export const pressProgress = z
  .object({
    applies: z.boolean(),
    year: z.number().int(),
    targets: z.array(z.object({ text: z.string(), context: z.string(), leader: z.boolean(), min: z.number(), done: z.number().int(), met: z.boolean() })),
  })
  .meta({ id: 'MeasurePressProgress' });

const counted = z.object({ name: z.string(), count: z.number().int() });
export const stats = z
  .object({
    year: z.number().int(),
    total: z.number().int(),
    evaluated: z.number().int(),
    overdue: z.number().int(),
    byDomain: z.array(counted),
    byLevel: z.array(counted),
    byMonth: z.array(z.object({ month: z.number().int(), count: z.number().int() })),
    clocks: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        hours: z.number().nullable(),
        total: z.number().int(),
        met: z.number().int(),
        late: z.number().int(),
        open: z.number().int(),
        overdue: z.number().int(),
        averageHours: z.number().nullable(),
      }),
    ),
    responseTimes: z.array(z.object({ eventId: id, summary: z.string(), level: z.string(), kind: z.string(), hours: z.number(), elapsedHours: z.number() })),
  })
  .meta({ id: 'OpinionStats' });
