import { z } from 'zod';
import { stored, textEnum, timestamp } from '../../platform/output-schemas.ts';
import { DOCUMENT_STATUSES } from './list-documents.ts';

/**
 * What the catalog routes answer (routes.ts, path-mappings/routes.ts). Fastify serialises with these:
 * a document's search vector or creator id, not named here, never leaves the server.
 */

const id = z.string();
const day = z.string().describe('日期 YYYY-MM-DD');

export const reviewStep = z.object({ name: z.string(), role: z.enum(['reviewer', 'approver', 'liaison', 'office_admin']) });
export const columnCategory = textEnum(['news', 'notice', 'policy', 'other']);
export const documentStatus = textEnum(DOCUMENT_STATUSES);
export const validity = textEnum(['valid', 'amended', 'repealed', 'expired']);

export const columnRow = z.object({
  id,
  siteUnitId: id,
  parentId: z.string().nullable(),
  name: z.string(),
  slug: z.string(),
  kind: z.string(),
  category: columnCategory,
  updateIntervalDays: z.number().int().nullable(),
  note: z.string().nullable(),
  reviewSteps: z.array(reviewStep),
  reviewDistinctPeople: z.boolean().describe('一人一轮只审一步（三审须三人）'),
  ownerUnitIds: z.array(id),
  sort: z.number().int(),
  createdAt: timestamp,
});

export const column = columnRow
  .extend({ published: z.number().int(), latest: timestamp.nullable(), measureIds: z.array(id) })
  .meta({ id: 'CatalogColumn' });

const healthColumn = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  parentId: z.string().nullable(),
  siteUnitId: id,
  ownerUnitIds: z.array(id),
  siteName: z.string(),
  interval: z.number().int().nullable(),
  note: z.string().nullable(),
});

export const catalogHealth = z.object({
  asOf: day,
  overdue: z.array(healthColumn.extend({ latest: timestamp, daysSince: z.number().int() })),
  blank: z.array(healthColumn),
  outdated: z.array(z.object({ id, title: z.string(), columnId: id, siteUnitId: id, replacedById: z.string().nullable() })),
  blankBySite: z.array(z.object({ site: z.string(), blank: z.number().int(), failing: z.boolean() })),
});

export const disclosureProof = z.object({
  measureId: id,
  year: z.number().int(),
  period: z.object({ from: day, to: day }),
  columns: z.array(
    z.object({
      id,
      name: z.string(),
      slug: z.string(),
      siteUnitId: id,
      siteName: z.string(),
      regionSite: z.boolean(),
      path: z.array(z.string()).describe('从站点根栏目到本栏目的名称'),
      url: z.string(),
      published: z.number().int(),
      latest: timestamp.nullable(),
      documents: z.array(z.object({ id, title: z.string(), columnId: id, publishedAt: timestamp.nullable(), url: z.string() })),
    }),
  ),
  paths: z.array(z.object({ raw: z.array(z.string()), mapped: z.array(z.string()), instruction: z.boolean(), columnIds: z.array(id) })),
});

// ---- documents ----

export const documentMeta = z.object({
  publisher: z.string(),
  writtenOn: day.nullable(),
  docNumber: z.string().nullable(),
  topic: z.string().nullable(),
  validity,
  replacedById: z.string().nullable(),
  normativeKind: z.string().nullable().optional().describe('规章 | 行政规范性文件'),
  validityOn: day.nullable().optional(),
});

export const workingCopy = z.object({
  title: z.string(),
  bodyHtml: z.string(),
  bodyText: z.string(),
  meta: documentMeta.partial().extend({ publisher: z.string(), validity }),
  columnId: id,
  publishAt: z.string().nullable().optional().describe('本次修改的定时发布时间；早先保存的副本没有'),
  approvedAt: z.string().optional().describe('已终审、等定时发布时替换已发布版本'),
});

export const catalogDocument = documentMeta
  .extend({
    id,
    columnId: id,
    siteUnitId: id,
    title: z.string(),
    bodyHtml: z.string(),
    bodyText: z.string(),
    indexNo: z.string().nullable().describe('索引号；单位尚未登记机构代码时为空，送审时编制'),
    status: documentStatus,
    reviewStep: z.number().int(),
    version: z.number().int(),
    workingCopy: stored(workingCopy.nullable()),
    publishAt: timestamp.nullable(),
    publishedAt: timestamp.nullable(),
    withdrawnAt: timestamp.nullable(),
    withdrawnReason: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'CatalogDocument' });

const revision = z.object({ version: z.number().int(), title: z.string(), createdAt: timestamp });

const linkedDocument = z.object({
  id,
  title: z.string().nullable().describe('他单位尚未通过审核的文件不显示标题'),
  status: documentStatus,
  form: textEnum(['text', 'image', 'video']),
  columnName: z.string(),
  publishedAt: timestamp.nullable(),
  canUnlink: z.boolean(),
});

export const documentDetail = z
  .object({
    document: catalogDocument,
    column: z.object({ id, name: z.string(), reviewSteps: z.array(reviewStep), reviewDistinctPeople: z.boolean() }),
    revisions: z.array(revision),
    reviews: z.array(
      z.object({
        id,
        version: z.number().int(),
        step: z.number().int(),
        stepName: z.string(),
        decision: z.string(),
        comment: z.string().nullable(),
        secrecyConfirmed: z.boolean(),
        createdBy: z.string().nullable(),
        createdByName: z.string().nullable(),
        createdAt: timestamp,
      }),
    ),
    yourStep: z.boolean().describe('当前用户能否决定正在等待的审核步骤'),
    ownSubmission: z.boolean().describe('本轮由当前用户送审，须由他人审核'),
    decidedEarlierStep: z.boolean().describe('当前用户已审过本轮的前一步，本步须由他人审核'),
    attachments: z.array(z.object({ fileId: id, name: z.string(), mime: z.string(), size: z.number().int() })),
    interpretations: z.array(linkedDocument),
    interprets: z.array(linkedDocument),
  })
  .meta({ id: 'DocumentDetail' });

export const documentList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      id,
      title: z.string(),
      columnId: id,
      columnName: z.string(),
      siteUnitId: id,
      unitName: z.string(),
      status: documentStatus,
      currentStep: z.string().nullable().describe('正在等待的审核步骤（含已发布文件的待审副本）'),
      docNumber: z.string().nullable(),
      indexNo: z.string().nullable(),
      updatedAt: timestamp,
      publishedAt: timestamp.nullable(),
      hasWorkingCopy: z.boolean(),
      workingCopyState: z.enum(['draft', 'in_review', 'scheduled']).nullable(),
      openFindings: z.number().int().optional().describe('待我审核且在最后一步时：尚未处理的个人信息数'),
    }),
  ),
});

export const comparison = z.object({
  from: revision,
  to: revision,
  changes: z.array(z.object({ kind: textEnum(['added', 'removed', 'same']), text: z.string() })),
});

export const piiFinding = z.object({
  field: z.enum(['title', 'body', 'attachment']),
  start: z.number().int(),
  end: z.number().int(),
  type: z.string(),
  value: z.string(),
  masked: z.string(),
});

// ---- 公开路径映射 ----

export const pathMapping = z.object({ id, fromPrefix: z.array(z.string()), toPrefix: z.array(z.string()), note: z.string().nullable() }).meta({ id: 'PathMapping' });

export const pathPreview = z.object({
  plan: z.object({ id, title: z.string(), year: z.number().int(), status: z.string() }),
  items: z.array(
    z.object({
      raw: z.array(z.string()),
      mapped: z.array(z.string()),
      mapping: z.object({ id, fromPrefix: z.array(z.string()), toPrefix: z.array(z.string()) }).nullable(),
      site: z.enum(['region', 'unit']),
      column: z.object({ id, slug: z.string(), url: z.string() }).nullable(),
      measures: z.array(z.number().int()),
      instruction: z.boolean(),
    }),
  ),
  counts: z.object({ paths: z.number().int(), mapped: z.number().int(), missing: z.number().int() }),
});
