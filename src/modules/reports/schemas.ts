import { z } from 'zod';
import { stored, textEnum, timestamp } from '../../platform/output-schemas.ts';

const id = z.string();
const seven = z.array(z.number());
const five = z.array(z.number());

export const reportStatus = textEnum(['none', 'draft', 'reviewed', 'published', 'superseded']);

export const annualFigures = z
  .object({
    agency: z.string(),
    agencyUnitId: id,
    year: z.number(),
    section2: z.object({
      normative: z.object({ 规章: z.array(z.number()), 行政规范性文件: z.array(z.number()) }),
      permits: z.number().nullable(),
      penalties: z.number().nullable(),
      enforcement: z.number().nullable(),
      feesWan: z.number().nullable(),
      sources: z.string().nullable(),
    }),
    section3: z.object({ columns: z.array(z.string()), rows: z.record(z.string(), seven) }),
    section4: z.object({ columns: z.array(z.string()), review: five, litigationDirect: five, litigationAfterReview: five }),
    checks: z.object({ balanced: z.boolean(), unclassified: z.number() }),
  })
  .meta({ id: 'AnnualFigures' });

export const annualReport = z
  .object({
    agencyUnitId: id,
    agency: z.string(),
    year: z.number(),
    dueDate: z.string(),
    status: reportStatus,
    version: z.number(),
    note: z.string().nullable(),
    texts: z.object({ overview: z.string().optional(), problems: z.string().optional(), other: z.string().optional() }),
    entered: z.record(z.string(), z.unknown()),
    documentId: id.nullable(),
    figures: stored(annualFigures),
    versions: z.array(z.object({ version: z.number(), status: reportStatus, note: z.string().nullable(), publishedAt: timestamp.nullable(), documentId: id.nullable() })),
    quotable: z.object({ pagesPublished: z.number(), planTasks: z.number(), planTasksAccepted: z.number() }),
    section3Lines: z.array(z.object({ label: z.string(), key: z.string().nullable(), level: z.number() })),
  })
  .meta({ id: 'AnnualReport' });

export const reportState = z.object({ id, version: z.number(), status: reportStatus, documentId: id.nullable().optional() });

export const districtReports = z
  .object({
    year: z.number(),
    rows: z.array(
      z.object({
        agencyUnitId: id,
        agency: z.string(),
        status: reportStatus,
        version: z.number(),
        publishedAt: timestamp.nullable(),
        dueDate: z.string(),
        overdue: z.boolean(),
        new: z.number(),
        carried: z.number(),
        closed: z.number(),
        forward: z.number(),
      }),
    ),
    sum: z.object({ new: z.number(), carried: z.number(), closed: z.number(), forward: z.number() }),
  })
  .meta({ id: 'DistrictReports' });

export const importCount = z.object({ imported: z.number() });
