import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../auth-hooks.ts';
import { answers } from '../responses.ts';
import { idParam } from './params.ts';
import { todayInShanghai } from '../../platform/calendar/dates.ts';
import { decideLedgerExtension, extensionDecisionInput, extensionRequestInput, requestLedgerExtension } from '../../platform/ledger/extend-ledger-item.ts';
import { soonLimitFor } from '../../platform/ledger/ledger-clock.ts';
import { registerLedgerCalendarListener } from '../../platform/ledger/ledger-jobs.ts';
import { getLedgerItem, ledgerCountsByUnit, listLedgerItems, listLedgerQuery, presentLedgerItem } from '../../platform/ledger/list-ledger-items.ts';
import { reassignInput, reassignLedgerItem } from '../../platform/ledger/reassign-ledger-item.ts';
import { returnInput, returnLedgerItem, signLedgerItem } from '../../platform/ledger/sign-ledger-item.ts';
import { ledgerDetailSchema, ledgerItemSchema, ledgerUnitCountSchema } from '../../platform/ledger/schemas.ts';
import type { LedgerItem } from '../../platform/ledger/ledger-listeners.ts';

/** The dispatch-and-reply ledger's HTTP face, shared by every module that dispatches (src/platform/ledger). */
export const ledgerRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  registerLedgerCalendarListener();
  const { db } = deps.database;
  const tags = ['ledger'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, db);
  const soonDays = deps.config.LEDGER_REMIND_DAYS;
  const present = (i: LedgerItem) => presentLedgerItem(i, null, todayInShanghai());

  app.get('/api/ledger/items', { config: { access: 'ledger.read' }, schema: { tags, summary: '交办台账（本单位；主管部门可看全部）', querystring: listLedgerQuery, response: answers({ 200: z.object({ total: z.number(), items: z.array(ledgerItemSchema) }) }) } }, async (req) => listLedgerItems(ctx(req), req.query, { soonDays }));

  app.get('/api/ledger/counts', { config: { access: 'ledger.read' }, schema: { tags, summary: '各单位在办、即将到期、逾期数', querystring: z.object({ subjectType: z.string().max(40).optional() }), response: answers({ 200: z.object({ items: z.array(ledgerUnitCountSchema) }) }) } }, async (req) => {
    const today = todayInShanghai();
    return { items: await ledgerCountsByUnit(ctx(req), { subjectType: req.query.subjectType, soonLimit: await soonLimitFor(db, today, soonDays), today }) };
  });

  app.get('/api/ledger/items/:id', { config: { access: 'ledger.read' }, schema: { tags, summary: '交办事项及其办理过程', params: idParam, response: answers({ 200: ledgerDetailSchema }) } }, async (req) => getLedgerItem(ctx(req), req.params.id));

  app.post('/api/ledger/items/:id/sign', { config: { access: 'ledger.handle' }, schema: { tags, summary: '签收', params: idParam, response: answers({ 200: ledgerItemSchema }) } }, async (req) => present(await signLedgerItem(ctx(req), req.params.id)));

  app.post('/api/ledger/items/:id/return', { config: { access: 'ledger.handle' }, schema: { tags, summary: '退回（写明理由）', params: idParam, body: returnInput, response: answers({ 200: ledgerItemSchema }) } }, async (req) => present(await returnLedgerItem(ctx(req), req.params.id, req.body)));

  app.post('/api/ledger/items/:id/reassign', { config: { access: 'ledger.dispatch' }, schema: { tags, summary: '改派', params: idParam, body: reassignInput, response: answers({ 200: ledgerItemSchema }) } }, async (req) => present(await reassignLedgerItem(ctx(req), req.params.id, req.body)));

  app.post('/api/ledger/items/:id/extension', { config: { access: 'ledger.handle' }, schema: { tags, summary: '申请延期（一次）', params: idParam, body: extensionRequestInput, response: answers({ 200: ledgerItemSchema }) } }, async (req) => present(await requestLedgerExtension(ctx(req), req.params.id, req.body)));

  app.post('/api/ledger/items/:id/extension/decision', { config: { access: 'ledger.dispatch' }, schema: { tags, summary: '审批延期', params: idParam, body: extensionDecisionInput, response: answers({ 200: ledgerItemSchema }) } }, async (req) => present(await decideLedgerExtension(ctx(req), req.params.id, req.body)));
};
