import type { PiiType } from './types.ts';

/** Chinese strings of the personal-information scanner, kept in one place. */
export const PII_TYPE_LABELS: Record<PiiType, string> = {
  id_card: '身份证号',
  mobile: '手机号码',
  bank_card: '银行卡号',
  email: '电子邮箱',
  address: '详细住址',
  person_name: '姓名',
  passport: '护照号码',
  plate: '车牌号码',
};

export const MSG = {
  unsupportedType: (name: string) => `不支持的文件类型：${name}（仅支持 .txt 文本文件和 .docx Word 文档）`,
  legacyDoc: (name: string) => `不支持旧版 Word 文档：${name}，请另存为 .docx 后再扫描`,
  notDocx: (name: string) => `文件不是有效的 Word 文档（.docx）：${name}`,
  brokenZip: (name: string) => `无法打开 Word 文档，文件可能已损坏：${name}`,
  binaryText: (name: string) => `文件内容不是文本：${name}`,
  staleFindings: '扫描结果与正文不一致，请重新扫描后再脱敏',
  overlappingFindings: '脱敏范围相互交叉，请合并后再脱敏',
  usage: '用法：gongkai pii scan 文件 [--json]',
  missingFile: '请指定要扫描的文件',
  unknownOption: (opt: string) => `未知选项：${opt}`,
  tooManyFiles: '一次只能扫描一个文件',
  fileNotFound: (path: string) => `找不到文件：${path}`,
  notAFile: (path: string) => `不是文件：${path}`,
  readFailed: (path: string, reason: string) => `无法读取文件：${path}（${reason}）`,
  scanFailed: (reason: string) => `扫描失败：${reason}`,
  summary: (file: string, chars: number, count: number) =>
    count === 0 ? `${file}：共 ${chars} 字，未发现个人信息。` : `${file}：共 ${chars} 字，发现 ${count} 处个人信息。`,
  tableHeader: ['序号', '类型', '位置', '原文', '脱敏后'] as const,
  position: (line: number, column: number) => `第${line}行第${column}字`,
} as const;
