/** Kinds of personal information the publishing gate looks for (ogi-rules §5). */
export type PiiType =
  | 'id_card'
  | 'mobile'
  | 'bank_card'
  | 'email'
  | 'address'
  | 'person_name'
  | 'passport'
  | 'plate';

export const PII_TYPES: readonly PiiType[] = [
  'id_card',
  'mobile',
  'bank_card',
  'email',
  'address',
  'person_name',
  'passport',
  'plate',
];

/**
 * One piece of personal information found in a text.
 * `start`/`end` are UTF-16 offsets into the scanned string (end exclusive) and
 * `value === text.slice(start, end)`, so a finding can be masked or shown in place.
 */
export interface PiiFinding {
  start: number;
  end: number;
  type: PiiType;
  value: string;
  masked: string;
}

/** A detector's raw hit, in offsets of the normalised text. */
export interface Span {
  start: number;
  end: number;
  type: PiiType;
}

/** Every detector has this shape: it reads normalised text and reports spans. */
export type Detector = (text: string) => Span[];
