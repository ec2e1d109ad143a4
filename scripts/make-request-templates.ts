// Writes the default letter templates of the requests module (src/modules/requests/letters/templates/*.docx).
// The office edits copies of them in Word or WPS; {placeholders} are docxtemplater tags (letters/letter-data.ts).
import fs from 'node:fs';
import path from 'node:path';
import { govDocx, type Block } from '../src/platform/office/gov-docx.ts';

const dir = path.resolve('src/modules/requests/letters/templates');
const p = (text: string): Block => ({ kind: 'paragraph', text });
const head = [p('{docNumber}'), p('{applicantName}：')];
const sign: Block = { kind: 'signature', lines: ['{agencyName}', '{date}'] };
const received = p('本机关于{receivedOn}收到您（单位）通过{channel}提交的政府信息公开申请（编号：{code}），申请获取“{description}”。');

const templates: Record<string, { title: string; blocks: Block[] }> = {
  reply: {
    title: '{agencyName}政府信息公开申请答复书',
    blocks: [
      ...head,
      received,
      p('经审查，根据《中华人民共和国政府信息公开条例》的规定，现答复如下：'),
      p('{#items}'),
      p('{seq}. {description}：{outcomeLabel}（依据条例{basis}）。{reason}'),
      p('{/items}'),
      p('{remedies}'),
      sign,
    ],
  },
  correction: {
    title: '{agencyName}政府信息公开申请补正通知书',
    blocks: [...head, received, p('经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，请一次性补正以下内容：'), p('{needed}'), p('请于{applicantDueOn}前提交补正材料。答复期限自本机关收到补正之日起计算；无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。'), sign],
  },
  extension: {
    title: '{agencyName}政府信息公开申请延期答复告知书',
    blocks: [...head, received, p('因{reason}，本机关不能在法定期限内作出答复。经本机关政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长{days}个工作日，最迟于{dueOn}前作出答复。'), sign],
  },
  consultation: {
    title: '{agencyName}政府信息公开征求意见函',
    blocks: [p('{docNumber}'), p('{party}：'), p('本机关于{receivedOn}收到政府信息公开申请（编号：{code}），申请获取“{description}”。该信息的公开可能损害你方合法权益，根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求你方意见。'), p('请于{answerDue}前提出意见；逾期未提出意见的，由本机关依照条例的规定决定是否公开。'), sign],
  },
  fee: {
    title: '{agencyName}信息处理费缴费通知书',
    blocks: [...head, received, p('根据《中华人民共和国政府信息公开条例》第四十二条和《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号），您的申请需缴纳信息处理费。收费标准：{standard}；金额：{yuan}元。'), p('缴费方式：{payHow}。请自收到本通知次日起20个工作日内（{applicantDueOn}前）缴纳；逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。'), sign],
  },
  transfer: {
    title: '{agencyName}政府信息公开申请告知书',
    blocks: [...head, received, p('经查，您申请获取的政府信息由{target}负责公开，根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，请向该机关申请。{targetContact}'), p('{remedies}'), sign],
  },
};

fs.mkdirSync(dir, { recursive: true });
for (const [name, t] of Object.entries(templates)) {
  fs.writeFileSync(path.join(dir, `${name}.docx`), await govDocx(t));
  console.log(`${name}.docx`);
}
