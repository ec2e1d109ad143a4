import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUnit, createUnitInput } from '../../platform/units/create-unit.ts';
import { listGroups } from '../../platform/units/list-groups.ts';
import { listUnits } from '../../platform/units/list-units.ts';
import { groupInput, saveGroup } from '../../platform/units/save-group.ts';
import { GROUP_MEMBERSHIPS, UNIT_KINDS } from '../../platform/units/unit-kinds.ts';
import { loadUnitResolver } from '../../platform/units/unit-resolver.ts';
import { updateUnit, updateUnitInput } from '../../platform/units/update-unit.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../auth-hooks.ts';
import { idParam } from './params.ts';
import { answers } from '../responses.ts';
import { timestamp } from '../../platform/output-schemas.ts';

const unit = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: z.string(),
    isAgency: z.boolean(),
    code: z.string().nullable(),
    sort: z.number().int(),
    active: z.boolean(),
    aliases: z.array(z.string()),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Unit' });
const unitGroup = z
  .object({
    id: z.string(),
    name: z.string(),
    membership: z.string().describe('kinds | list | per_use'),
    memberKinds: z.array(z.string()),
    memberIds: z.array(z.string()),
    aliases: z.array(z.string()),
    description: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'UnitGroup' });
const resolvedUnit = z.object({ unitId: z.string(), name: z.string() });
const resolution = z.discriminatedUnion('kind', [
  z.object({ written: z.string(), kind: z.literal('unit'), unit: resolvedUnit }),
  z.object({
    written: z.string(),
    kind: z.literal('group'),
    group: z.object({ id: z.string(), name: z.string(), membership: z.string() }),
    units: z.array(resolvedUnit),
  }),
  z.object({ written: z.string(), kind: z.literal('unknown') }),
]);

export const unitRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const tags = ['units'];

  app.get('/api/units', { config: { access: 'units.read' }, schema: { tags, summary: '单位列表（含别名）', response: answers({ 200: z.object({ kinds: z.record(z.string(), z.string()), items: z.array(unit) }) }) } }, async (req) => ({
    kinds: UNIT_KINDS,
    items: await listUnits(contextOf(req, db)),
  }));
  app.post('/api/units', { config: { access: 'units.manage' }, schema: { tags, summary: '新增单位', response: answers({ 201: unit }), body: createUnitInput } }, async (req, reply) =>
    reply.status(201).send(await createUnit(contextOf(req, db), req.body)),
  );
  app.patch('/api/units/:id', { config: { access: 'units.manage' }, schema: { tags, summary: '修改单位', response: answers({ 200: unit }), params: idParam, body: updateUnitInput } }, async (req) =>
    updateUnit(contextOf(req, db), req.params.id, req.body),
  );
  app.get('/api/unit-groups', { config: { access: 'units.read' }, schema: { tags, summary: '单位组列表', response: answers({ 200: z.object({ memberships: z.record(z.string(), z.string()), items: z.array(unitGroup) }) }) } }, async (req) => ({
    memberships: GROUP_MEMBERSHIPS,
    items: await listGroups(contextOf(req, db)),
  }));
  app.post('/api/unit-groups', { config: { access: 'units.manage' }, schema: { tags, summary: '新增单位组', response: answers({ 201: unitGroup }), body: groupInput } }, async (req, reply) =>
    reply.status(201).send(await saveGroup(contextOf(req, db), req.body)),
  );
  app.put('/api/unit-groups/:id', { config: { access: 'units.manage' }, schema: { tags, summary: '修改单位组', response: answers({ 200: unitGroup }), params: idParam, body: groupInput } }, async (req) =>
    saveGroup(contextOf(req, db), req.body, req.params.id),
  );
  app.post(
    '/api/units/resolve',
    {
      config: { access: 'units.read' },
      schema: { tags, summary: '把书面单位名称解析为单位（未知名称原样列出）', response: answers({ 200: z.object({ items: z.array(resolution) }) }), body: z.object({ text: z.string().min(1, '请输入单位名称').max(5000, '内容过长') }) },
    },
    async (req) => ({ items: (await loadUnitResolver(db)).resolveCell(req.body.text) }),
  );
};
