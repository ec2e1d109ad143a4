import { AppError } from '../../../platform/errors.ts';

export type PiiScanErrorCode = 'unsupported_file' | 'stale_findings' | 'invalid_findings';

/** Errors of the scanner; `code` is stable, the message is Chinese for people. */
export class PiiScanError extends AppError {
  constructor(
    readonly code: PiiScanErrorCode,
    message: string,
  ) {
    super('invalid', code, message);
    this.name = 'PiiScanError';
  }
}
