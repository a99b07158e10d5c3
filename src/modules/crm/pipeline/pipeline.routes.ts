/** HTTP routes of pipelines, stages and lost reasons. */
import { z } from 'zod';
import { actorOf } from '../../../platform/http/auth-hook.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { CrmDeps } from '../crm-deps.js';
import {
  CreateLostReasonInput,
  CreateStageInput,
  LostReason,
  LostReasonList,
  PipelineList,
  Stage,
  UpdateStageInput,
} from './pipeline.contract.js';
import {
  addStage,
  createLostReason,
  listLostReasons,
  listPipelines,
  updateStage,
} from './pipeline.service.js';

const tags = ['pipelines'];

/** Registers the routes of pipelines, their stages and lost reasons. */
export function registerPipelineRoutes(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/pipelines',
    {
      schema: {
        tags,
        summary: 'The pipelines with their stages (the defaults per customer kind are created on first use)',
        response: { 200: PipelineList },
      },
    },
    async (request) => listPipelines(deps, actorOf(request)),
  );
  app.post(
    '/api/pipelines/:id/stages',
    {
      schema: {
        tags,
        summary: 'Add a stage to a pipeline',
        params: z.object({ id: z.uuid() }),
        body: CreateStageInput,
        response: { 201: Stage },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addStage(deps, actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/pipelines/:id/stages/:stageId',
    {
      schema: {
        tags,
        summary: "Edit a stage's name, position, default probability or guidance",
        params: z.object({ id: z.uuid(), stageId: z.uuid() }),
        body: UpdateStageInput,
        response: { 200: Stage },
      },
    },
    async (request) =>
      updateStage(deps, actorOf(request), request.params.id, request.params.stageId, request.body),
  );
  registerLostReasonRoutes(app, deps);
}

function registerLostReasonRoutes(app: HttpApp, deps: CrmDeps): void {
  app.get(
    '/api/lost-reasons',
    { schema: { tags, summary: "The tenant's reasons a deal is lost", response: { 200: LostReasonList } } },
    async (request) => listLostReasons(deps, actorOf(request)),
  );
  app.post(
    '/api/lost-reasons',
    {
      schema: {
        tags,
        summary: 'Add a lost reason',
        body: CreateLostReasonInput,
        response: { 201: LostReason },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createLostReason(deps, actorOf(request), request.body)),
  );
}
