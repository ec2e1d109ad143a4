/** Chinese labels the plans module writes into files and messages, in one place. */
export const STATUS_LABEL: Record<string, string> = { not_started: '未启动', in_progress: '推进中', done: '已完成', cannot_complete: '无法完成' };
export const MEASURE_STATUS_LABEL: Record<string, string> = { open: '未销号', closed: '已销号' };
