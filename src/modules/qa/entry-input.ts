import { z } from 'zod';

/** Bounds of one entry (an answer is a few paragraphs; a bank entry has at most a few dozen variants). */
export const MAX_QUESTION = 500;
export const MAX_ANSWER = 50_000;
export const MAX_VARIANTS = 100;
export const MAX_POLICIES = 20;

const question = z.string().trim().min(2, '问题至少 2 个字').max(MAX_QUESTION, `问题不超过 ${MAX_QUESTION} 字`);

/** Variants as written: trimmed, blanks and repeats (and the standard question itself) dropped. */
export function cleanVariants(list: string[], standard: string): string[] {
  const seen = new Set([standard.trim()]);
  const out: string[] = [];
  for (const raw of list) {
    const v = raw.trim();
    if (!v || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

export const entryInput = z.object({
  externalId: z.string().trim().min(1).max(100, '编号不超过 100 字').nullish(),
  question,
  answerHtml: z.string().trim().min(1, '请填写答案').max(MAX_ANSWER, `答案不超过 ${MAX_ANSWER} 字`),
  variants: z.array(z.string().max(MAX_QUESTION, `相似问法不超过 ${MAX_QUESTION} 字`)).max(MAX_VARIANTS, `相似问法不超过 ${MAX_VARIANTS} 条`).default([]),
  topic: z.string().trim().max(50, '主题不超过 50 字').nullish(),
  tags: z.array(z.string().trim().min(1).max(30, '标签不超过 30 字')).max(20, '标签不超过 20 个').default([]),
  ownerUnitId: z.uuid('所属单位不正确').nullish(),
  reviewOn: z.iso.date('复核日期应为 YYYY-MM-DD').nullish(),
  policyIds: z.array(z.uuid('政策文件不正确')).max(MAX_POLICIES, `关联政策不超过 ${MAX_POLICIES} 件`).default([]),
});
export type EntryInput = z.input<typeof entryInput>;
