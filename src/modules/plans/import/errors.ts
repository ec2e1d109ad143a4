/**
 * Why an import was refused. Codes are stable (the HTTP edge and the UI rely on them); messages
 * are Chinese, for the office worker who uploaded the file.
 */
export type ImportErrorCode =
  | 'empty_input'
  | 'too_large'
  | 'unsupported_format'
  | 'not_docx'
  | 'not_xlsx'
  | 'no_table'
  | 'empty_sheet'
  | 'columns_unrecognised';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Notices are a few hundred KB; anything past this is a wrong file or an attack. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** Uncompressed size allowed inside a docx/xlsx, so that a zip bomb is refused before inflating. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

export function checkSize(bytes: number): void {
  if (bytes === 0) throw new ImportError('empty_input', '文件内容为空，请选择任务分工文件后重新导入');
  if (bytes > MAX_INPUT_BYTES)
    throw new ImportError('too_large', `文件超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB，请确认是否选错文件`);
}
