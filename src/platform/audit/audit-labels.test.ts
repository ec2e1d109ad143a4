import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from './audit-labels.ts';

/** Every source file of the server, tests and test support aside. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' || e.name === 'test-support' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/**
 * The actions and object types code writes: literals after `action:` / `entity:` (a ternary's both
 * sides too) and the arguments of a local `audit('…')` helper. A template literal must be listed in
 * TEMPLATES with every value it can take, so a new one cannot slip by.
 */
const TEMPLATES: Record<string, string[]> = {
  // office-actions.ts: the kind is the zod enum commend | criticize.
  'plan.mark_${input.kind}': ['plan.mark_commend', 'plan.mark_criticize'],
  // mailbox/message-events.ts: the steps recordMessageStep is called with, and the three triages.
  'mailbox.${action}': ['received', 'instructed', 'published', 'unpublished', 'rated', 'reopened', 'replied', 'offered', 'transferred', 'immediate', 'transfer', 'leader'].map((a) => `mailbox.${a}`),
  // opinion: STEP_KINDS and SUPERVISION_KINDS (opinion/kinds.ts).
  'opinion.event_${input.kind}': ['consult', 'assess', 'respond', 'evaluate'].map((k) => `opinion.event_${k}`),
  'opinion.${input.kind}': ['opinion.criticize', 'opinion.interview'],
  'qa.proposal_${input.decision}': ['qa.proposal_accept', 'qa.proposal_decline'],
  'qa.entry_${action}': ['qa.entry_publish', 'qa.entry_retire', 'qa.entry_draft'],
  // requests/record-step.ts: the step kinds of the case timeline.
  'request.${step.kind}': ['entered', 'received', 'correction_sent', 'correction_received', 'consultation_started', 'consultation_ended', 'extended', 'fee_notice_received', 'fee_paid', 'decided', 'delivered', 'lapsed', 'reopened', 'file_viewed', 'identity_viewed'].map((k) => `request.${k}`),
  // platform/ledger: LEDGER_ACTIONS (ledger-states.ts).
  'ledger.${step.action}': ['dispatched', 'accepted', 'returned', 'reassigned', 'extension_requested', 'extension_approved', 'extension_refused', 'replied', 'reopened', 'closed', 'due_recomputed'].map((a) => `ledger.${a}`),
};

function written() {
  const actions = new Set<string>();
  const entities = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const file of sources(path.resolve('src'))) {
    const text = fs.readFileSync(file, 'utf8');
    if (!/writeAudit\(/.test(text)) continue;
    for (const m of text.matchAll(/\baction:\s*([^,\n]+)/g)) {
      for (const lit of m[1].matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(lit[1]);
      for (const tpl of m[1].matchAll(/`([^`]*)`/g)) {
        if (TEMPLATES[tpl[1]]) TEMPLATES[tpl[1]].forEach((a) => actions.add(a));
        else unknownTemplates.push(`${path.relative('.', file)}: ${tpl[1]}`);
      }
    }
    for (const m of text.matchAll(/\baudit\(\s*'([a-z_]+\.[a-z_]+)'/g)) actions.add(m[1]);
    for (const m of text.matchAll(/\bentity:\s*'([a-z_]+)'/g)) entities.add(m[1]);
  }
  return { actions: [...actions], entities: [...entities], unknownTemplates };
}

describe('audit labels', () => {
  const found = written();

  it('finds the actions the code writes (the scan itself works)', () => {
    expect(found.actions).toEqual(expect.arrayContaining(['document.edit', 'document.create', 'document.publish', 'plan.check_return', 'user.login']));
    expect(found.entities).toEqual(expect.arrayContaining(['document', 'plan', 'user']));
  });

  it('translates every action and object type written in code', () => {
    expect(found.unknownTemplates).toEqual([]);
    expect(found.actions.filter((a) => !AUDIT_ACTIONS[a])).toEqual([]);
    expect(found.entities.filter((e) => !AUDIT_ENTITIES[e])).toEqual([]);
  });
});
