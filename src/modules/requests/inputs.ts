import { z } from 'zod';
import { isValidDate } from '../../platform/calendar/dates.ts';

/** Pieces of the operations' input schemas. Every text bounded; text is kept as plain text (never HTML). */
export const day = z.string().refine(isValidDate, '日期格式应为 YYYY-MM-DD');
export const note = z.string().trim().max(2000, '说明不能超过 2000 字').optional();
export const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 字`);
export const required = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`);
