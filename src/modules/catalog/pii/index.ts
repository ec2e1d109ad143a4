/** Personal-information scanner that gates publishing (ogi-rules §5). */
export type { PiiFinding, PiiType } from './types.ts';
export { PII_TYPES } from './types.ts';
export { scanText, maskText, type ScanOptions } from './scan-text.ts';
export { extractDocxText } from './extract-docx-text.ts';
export { scanFile } from './scan-file.ts';
export { DEFAULT_MASK_CONFIG, type MaskConfig } from './mask.ts';
export { PiiScanError, type PiiScanErrorCode } from './errors.ts';
export { PII_TYPE_LABELS } from './messages.ts';
