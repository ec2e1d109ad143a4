import { z } from 'zod';

export const idParam = z.object({ id: z.uuid('编号格式不正确') });
export const pageQuery = {
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多 200 条').default(20),
};
