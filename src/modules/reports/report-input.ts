import { z } from 'zod';

const text = (max: number) => z.string().max(max, `内容不能超过 ${max} 字`).optional();
const count = z.number({ message: '应为数字' }).int('应为整数').min(0, '不能为负数').max(100_000_000, '数字过大').nullable().optional();

/** What an agency writes into its report: sections 一, 五, 六, and section 二's entered figures. */
export const reportDraftInput = z.object({
  texts: z.object({ overview: text(20_000), problems: text(20_000), other: text(20_000) }).strict().default({}),
  entered: z
    .object({
      permits: count,
      penalties: count,
      enforcement: count,
      feesWan: z.number({ message: '应为数字' }).min(0, '不能为负数').max(10_000_000, '数字过大').nullable().optional(),
      sources: z.string().max(500, '来源说明不能超过 500 字').nullable().optional(),
    })
    .strict()
    .default({}),
});
export type ReportDraftInput = z.input<typeof reportDraftInput>;

export const reportKey = z.object({
  agencyUnitId: z.uuid('机关编号格式不正确'),
  year: z.coerce.number().int().min(2008, '年度不正确').max(2100, '年度不正确'),
});
