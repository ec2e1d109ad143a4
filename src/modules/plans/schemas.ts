import { z } from 'zod';
import { stored, textEnum, timestamp } from '../../platform/output-schemas.ts';

/**
 * What the plans routes answer (src/modules/plans/routes.ts). Fastify serialises with these, so a
 * field not named here never leaves the server; the admin app's types are generated from them.
 */

const day = z.string().describe('日期 YYYY-MM-DD');
const id = z.string();

export const planStatus = textEnum(['draft', 'issued', 'closed']);
export const planKind = textEnum(['notice', 'rectification']);
export const assignmentStatus = textEnum(['not_started', 'in_progress', 'done', 'cannot_complete']);
export const checkStatus = textEnum(['pending', 'accepted', 'returned']);
export const measureStatus = textEnum(['open', 'closed']);
/** What the lists, the Word report and the ledger say about an assignment (report-state.ts). */
export const reportStateSchema = textEnum(['not_reported', 'not_started', 'in_progress', 'awaiting_check', 'accepted', 'returned']);
/** Lateness (lateness.ts): judged on the day the unit reported, not on the day the lead unit checked. */
const latenessFields = {
  state: reportStateSchema,
  reportedOn: day.nullable().describe('单位报送“已完成/无法完成”的日期'),
  overdue: z.boolean().describe('逾期未完成'),
  finishedLate: z.boolean().describe('逾期完成（报送晚于完成时限）'),
};

export const plan = z
  .object({
    id,
    kind: planKind,
    title: z.string(),
    year: z.number().int(),
    issuer: z.string().nullable(),
    issueDate: day.nullable(),
    docNumber: z.string().nullable(),
    status: planStatus,
    sourceName: z.string().nullable(),
    fromPlanId: z.string().nullable(),
    version: z.number().int(),
    issuedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Plan' });

export const planListItem = plan.extend({ measures: z.number().int(), closed: z.number().int() });

// ---- the parser's output ----

export const deadline = z.object({
  date: day.nullable(),
  text: z.string(),
  kind: z.enum(['absolute', 'year_relative', 'recurring', 'event', 'service_clock', 'statutory', 'ongoing', 'other']),
  source: z.enum(['text', 'column']),
  recurrence: z.enum(['year', 'halfyear', 'quarter', 'month', 'week']).optional(),
  event: z.string().optional(),
  offset: z.object({ months: z.number().optional(), days: z.number().optional(), weeks: z.number().optional() }).optional(),
  workingDays: z.number().optional(),
  days: z.number().optional(),
});

export const numericTarget = z.object({
  text: z.string(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string(),
  period: z.enum(['year', 'halfyear', 'quarter', 'month', 'week']).optional(),
  context: z.string(),
});

export const columnInstruction = z.object({ parentPath: z.array(z.string()), names: z.array(z.string()), text: z.string() });

const parsedUnitRef = z.object({
  written: z.string(),
  unitId: z.string().nullable(),
  name: z.string().nullable(),
  group: z.string().optional().describe('单位组名称；unitId 为空时为逐项确定的单位组'),
});

const parsedMeasure = z.object({
  seq: z.number().int(),
  globalSeq: z.number().int(),
  label: z.string().nullable(),
  row: z.number().int(),
  text: z.string(),
  items: z.array(z.string()),
  outline: z.array(z.object({ label: z.string().nullable(), level: z.number().int(), parent: z.number().int().nullable() })),
  lead: z.array(parsedUnitRef),
  leadSource: z.enum(['column', 'marker', 'first_listed', 'inherited', 'none']),
  responsible: z.array(parsedUnitRef.extend({ role: z.enum(['responsible', 'cooperate']) })),
  responsibleInherited: z.boolean(),
  deadlines: z.array(deadline),
  disclosurePaths: z.array(z.array(z.string())),
  otherChannels: z.array(z.string()),
  columnInstructions: z.array(columnInstruction),
  targets: z.array(numericTarget),
});

export const parsedPlan = z.object({
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  issuer: z.string().nullable(),
  issueDate: day.nullable(),
  docNumber: z.string().nullable(),
  areas: z.array(
    z.object({
      seq: z.number().int(),
      label: z.string().nullable(),
      title: z.string(),
      subtasks: z.array(z.object({ seq: z.number().int(), label: z.string().nullable(), title: z.string(), measures: z.array(parsedMeasure) })),
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), row: z.number().int().optional() })),
});

export const importResult = z
  .object({
    parsed: parsedPlan,
    counts: z.object({ areas: z.number().int(), subtasks: z.number().int(), measures: z.number().int() }),
    planId: z.string().optional().describe('试导入时没有'),
    outcome: z.enum(['preview', 'created', 'updated', 'unchanged']),
    wouldBe: z.enum(['create', 'update', 'unchanged', 'refused']).optional().describe('试导入时：确认后会怎样'),
    changes: z.array(
      z.object({
        kind: z.enum(['added', 'changed', 'removed']),
        seq: z.number().int(),
        fields: z.array(z.enum(['text', 'lead', 'responsible', 'dueDate'])).optional(),
        before: z.string().optional(),
        after: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'ImportResult' });

// ---- the plan tree ----

export const unitRef = z.object({ unitId: id, name: z.string() });

const responsibleEntry = z.object({
  written: z.string(),
  kind: z.enum(['unit', 'group', 'unknown']),
  unitIds: z.array(id),
  groupName: z.string().optional(),
  perUse: z.boolean().optional(),
  role: z.enum(['responsible', 'cooperate']).optional(),
});

export const measure = z.object({
  id,
  planId: id,
  subtaskId: id,
  seq: z.number().int(),
  text: z.string(),
  items: z.array(z.string()),
  leadWritten: z.array(z.string()),
  responsible: z.array(responsibleEntry),
  deadlines: z.array(stored(deadline)),
  disclosurePaths: z.array(z.array(z.string())),
  otherChannels: z.array(z.string()),
  columnInstructions: z.array(stored(columnInstruction)),
  targets: z.array(stored(numericTarget)),
  dueDate: day,
  status: measureStatus,
  closedAt: timestamp.nullable(),
  fromMeasureId: z.string().nullable(),
  version: z.number().int(),
});

const measureNode = measure.extend({
  leads: z.array(unitRef),
  responsible: z.array(responsibleEntry.extend({ units: z.array(unitRef) })),
  assignments: z.number().int(),
  accepted: z.number().int(),
  overdue: z.number().int().describe('逾期未完成的单位任务数'),
  progress: z.number(),
});

export const planTree = z
  .object({
    plan: plan.extend({ progress: z.number() }),
    areas: z.array(
      z.object({
        id,
        seq: z.number().int(),
        label: z.string().nullable(),
        title: z.string(),
        progress: z.number(),
        subtasks: z.array(z.object({ id, seq: z.number().int(), label: z.string().nullable(), title: z.string(), progress: z.number(), measures: z.array(measureNode) })),
      }),
    ),
  })
  .meta({ id: 'PlanTree' });

// ---- dashboard and to-do ----

export const assignmentRow = z
  .object({
    id,
    planId: id,
    planTitle: z.string(),
    measureId: id,
    seq: z.number().int(),
    measureText: z.string(),
    unitId: id,
    unitName: z.string(),
    status: assignmentStatus,
    checkStatus,
    dueDate: day,
    returnedCount: z.number().int(),
    lastReportAt: timestamp.nullable(),
    ...latenessFields,
  })
  .meta({ id: 'AssignmentRow' });

export const unitProgress = z.object({
  unitId: id,
  name: z.string(),
  total: z.number().int(),
  accepted: z.number().int(),
  reported: z.number().int(),
  returned: z.number().int(),
  overdue: z.number().int(),
  finishedLate: z.number().int(),
  notStarted: z.number().int(),
  progress: z.number(),
});

export const dashboard = z
  .object({
    plan: z.object({ id, title: z.string(), year: z.number().int(), status: planStatus }),
    asOf: day,
    totals: z.object({
      assignments: z.number().int(),
      accepted: z.number().int(),
      overdue: z.number().int(),
      finishedLate: z.number().int(),
      returned: z.number().int(),
      measures: z.number().int(),
      closed: z.number().int(),
      progress: z.number(),
    }),
    byArea: z.array(z.object({ areaId: id, seq: z.number().int(), title: z.string(), measures: z.number().int(), closed: z.number().int(), progress: z.number() })),
    byMeasure: z.array(
      z.object({ measureId: id, seq: z.number().int(), status: measureStatus, dueDate: day, total: z.number().int(), accepted: z.number().int(), overdue: z.number().int(), progress: z.number() }),
    ),
    byUnit: z.array(unitProgress),
    overdue: z.array(assignmentRow),
    returned: z.array(assignmentRow),
  })
  .meta({ id: 'PlanDashboard' });

export const unitTodo = z.object({
  mine: z.array(assignmentRow),
  toCheck: z.array(assignmentRow),
  ledMeasures: z.array(z.object({ id, seq: z.number().int(), planId: id, status: measureStatus })),
});

// ---- a measure and its timeline ----

export const evidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('link'), url: z.string(), title: z.string() }),
  z.object({ kind: z.literal('file'), fileId: z.string(), name: z.string() }),
]);

export const reportRow = z.object({
  id,
  assignmentId: id,
  status: assignmentStatus,
  summary: z.string(),
  completedOn: day.nullable(),
  reason: z.string().nullable(),
  evidence: z.array(evidence),
  createdBy: id,
  createdAt: timestamp,
});

export const checkRow = z.object({
  id,
  assignmentId: id,
  decision: textEnum(['accept', 'return']),
  comment: z.string().nullable(),
  newDueDate: day.nullable(),
  createdBy: id,
  createdAt: timestamp,
});

export const summaryRow = z.object({ id, measureId: id, unitId: id, text: z.string(), createdBy: id, createdAt: timestamp });

export const planEvent = z.object({
  id,
  planId: id,
  measureId: z.string().nullable(),
  unitId: z.string().nullable(),
  kind: textEnum(['close', 'reopen', 'urge', 'commend', 'criticize']),
  message: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  withdrawn: z.boolean(),
});

export const measureDetail = z
  .object({
    plan: z.object({ id, title: z.string(), status: planStatus, year: z.number().int() }),
    measure,
    leads: z.array(unitRef),
    summaries: z.array(summaryRow.extend({ unitName: z.string(), by: z.string() })),
    events: z.array(planEvent.extend({ by: z.string().nullable() })),
    assignments: z.array(
      z.object({
        id,
        planId: id,
        measureId: id,
        unitId: id,
        unitName: z.string(),
        status: assignmentStatus,
        checkStatus,
        dueDate: day,
        completedOn: day.nullable(),
        lastReportAt: timestamp.nullable(),
        returnedCount: z.number().int(),
        acceptedAt: timestamp.nullable(),
        ...latenessFields,
        timeline: z.array(
          z.discriminatedUnion('type', [
            reportRow.extend({ type: z.literal('report'), at: timestamp, by: z.string() }),
            checkRow.extend({ type: z.literal('check'), at: timestamp, by: z.string() }),
          ]),
        ),
      }),
    ),
  })
  .meta({ id: 'MeasureDetail' });

// ---- issue, marks, circulars ----

export const issuePreview = z.object({
  planId: id,
  status: planStatus,
  unknown: z.array(z.object({ measureId: id, seq: z.number().int(), written: z.string() })),
  selections: z.array(z.object({ measureId: id, seq: z.number().int(), text: z.string(), groups: z.array(z.string()), suggested: z.array(id) })),
});

export const issueResult = z.object({ plan, assignments: z.number().int(), units: z.number().int() });
export const carryOverResult = z.object({ plan, measures: z.number().int(), assignments: z.number().int() });

export const circularMark = z.object({
  id,
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  kind: textEnum(['commend', 'criticize']),
  reason: z.string().nullable(),
  withdrawn: z.boolean(),
  /** Not withdrawn and made after the plan's last issued 通报: still to be decided (待定). */
  pending: z.boolean(),
  createdAt: timestamp,
  createdByName: z.string().nullable(),
});

export const circular = z
  .object({
    id,
    planId: id,
    title: z.string(),
    sections: z.array(z.object({ heading: z.string(), body: z.string() })),
    status: textEnum(['draft', 'issued']),
    asOf: day,
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    issuedAt: timestamp.nullable(),
  })
  .meta({ id: 'Circular' });

export const planAssignmentList = z
  .object({
    plan: z.object({ id, title: z.string(), status: planStatus }),
    asOf: z.string(),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(assignmentRow),
  })
  .meta({ id: 'PlanAssignmentList' });
