/**
 * Pipelines and stages: each tenant's defaults are created on first use (one per customer kind), and
 * stages are configurable (name, order, default probability, guidance). Also the lost reasons list.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { lockNames } from '../../../platform/db/advisory-lock.js';
import type { Db } from '../../../platform/db/database.js';
import { isUniqueViolation } from '../../../platform/db/errors.js';
import { newId } from '../../../platform/ids.js';
import type { CrmDeps } from '../crm-deps.js';
import { DEFAULT_LOST_REASONS, DEFAULT_PIPELINES } from './default-pipelines.js';
import type { CreateStageInput, LostReason, Pipeline, Stage, UpdateStageInput } from './pipeline.contract.js';
import { pipelineNotFound, stageKeyTaken, stageNotFound } from './pipeline.errors.js';
import * as repo from './pipeline.repository.js';

export type { StageRow } from './pipeline.repository.js';

export function toStage(row: repo.StageRow): Stage {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    position: row.position,
    probability: row.probability,
    won: row.won,
    lost: row.lost,
    guidance: row.guidance,
  };
}

/** Writes the default pipelines and lost reasons of a tenant that has none yet. */
async function seedDefaults(tx: Db, tenantId: string, now: Date): Promise<void> {
  const rows: repo.PipelineRow[] = [];
  const stages: repo.StageRow[] = [];
  for (const pipeline of DEFAULT_PIPELINES) {
    const id = newId();
    rows.push({
      tenantId,
      id,
      name: pipeline.name,
      customerKind: pipeline.customerKind,
      isDefault: true,
      createdAt: now,
    });
    pipeline.stages.forEach((stage, i) =>
      stages.push({
        tenantId,
        id: newId(),
        pipelineId: id,
        key: stage.key,
        name: stage.name,
        position: (i + 1) * 10,
        probability: stage.probability,
        won: stage.won ?? false,
        lost: stage.lost ?? false,
        guidance: stage.guidance,
      }),
    );
  }
  await repo.insertPipelines(tx, rows, stages);
  await repo.insertLostReasons(
    tx,
    DEFAULT_LOST_REASONS.map((label, i) => ({
      tenantId,
      id: newId(),
      label,
      active: true,
      createdAt: new Date(now.getTime() + i),
    })),
  );
}

/** The tenant's pipelines, the defaults created on first use (once, even when two requests race). */
export async function ensurePipelineRows(db: Db, tenantId: string, now: Date): Promise<repo.PipelineRow[]> {
  const rows = await repo.listPipelineRows(db, tenantId);
  if (rows.length) return rows;
  return db.transaction(async (tx) => {
    await lockNames(tx, [`crm.pipelines:${tenantId}`]);
    const again = await repo.listPipelineRows(tx, tenantId);
    if (again.length) return again;
    await seedDefaults(tx, tenantId, now);
    return repo.listPipelineRows(tx, tenantId);
  });
}

/** Every pipeline of the tenant with its stages in order. */
export async function listPipelines(deps: CrmDeps, actor: Actor): Promise<{ items: Pipeline[] }> {
  requirePermission(actor, 'customers.read');
  const rows = await ensurePipelineRows(deps.db, actor.tenantId, deps.clock.now());
  const stages = await repo.listStageRows(
    deps.db,
    actor.tenantId,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      customerKind: row.customerKind as Pipeline['customerKind'],
      isDefault: row.isDefault,
      stages: stages.filter((s) => s.pipelineId === row.id).map(toStage),
    })),
  };
}

/** A pipeline and its stages in order, or undefined. */
export async function findPipelineStages(
  db: Db,
  tenantId: string,
  pipelineId: string,
): Promise<{ pipeline: repo.PipelineRow; stages: repo.StageRow[] } | undefined> {
  const pipeline = (await repo.listPipelineRows(db, tenantId)).find((row) => row.id === pipelineId);
  if (!pipeline) return undefined;
  return { pipeline, stages: await repo.listStageRows(db, tenantId, [pipelineId]) };
}

/** The default pipeline for a kind of customer with its stages (created on first use). */
export async function defaultPipelineStages(
  db: Db,
  tenantId: string,
  customerKind: string,
  now: Date,
): Promise<{ pipeline: repo.PipelineRow; stages: repo.StageRow[] }> {
  const rows = await ensurePipelineRows(db, tenantId, now);
  const pipeline =
    rows.find((row) => row.customerKind === customerKind && row.isDefault) ??
    rows.find((row) => row.customerKind === customerKind) ??
    rows[0]!;
  return { pipeline, stages: await repo.listStageRows(db, tenantId, [pipeline.id]) };
}

/** Adds an open stage to a pipeline. */
export async function addStage(
  deps: CrmDeps,
  actor: Actor,
  pipelineId: string,
  input: CreateStageInput,
): Promise<Stage> {
  requirePermission(actor, 'crm.settings');
  await ensurePipelineRows(deps.db, actor.tenantId, deps.clock.now());
  const found = await findPipelineStages(deps.db, actor.tenantId, pipelineId);
  if (!found) throw pipelineNotFound(pipelineId);
  const key = input.key ?? `stage_${found.stages.length + 1}_${newId().slice(-6)}`;
  if (found.stages.some((stage) => stage.key === key)) throw stageKeyTaken(key);
  const row: repo.StageRow = {
    tenantId: actor.tenantId,
    id: newId(),
    pipelineId,
    key,
    won: false,
    lost: false,
    ...input,
  };
  try {
    await repo.insertStage(deps.db, row);
  } catch (error) {
    if (isUniqueViolation(error, 'pipeline_stages_key_key')) throw stageKeyTaken(key);
    throw error;
  }
  return toStage(row);
}

/** Edits a stage's name, position, default probability or guidance. */
export async function updateStage(
  deps: CrmDeps,
  actor: Actor,
  pipelineId: string,
  stageId: string,
  input: UpdateStageInput,
): Promise<Stage> {
  requirePermission(actor, 'crm.settings');
  const row = await repo.updateStageRow(deps.db, actor.tenantId, pipelineId, stageId, input);
  if (!row) throw stageNotFound(stageId);
  return toStage(row);
}

/** The tenant's lost reasons (the defaults on first use). */
export async function listLostReasons(deps: CrmDeps, actor: Actor): Promise<{ items: LostReason[] }> {
  requirePermission(actor, 'customers.read');
  await ensurePipelineRows(deps.db, actor.tenantId, deps.clock.now());
  const rows = await repo.listLostReasonRows(deps.db, actor.tenantId);
  return { items: rows.map((row) => ({ id: row.id, label: row.label, active: row.active })) };
}

/** Adds a lost reason to the tenant's list. */
export async function createLostReason(
  deps: CrmDeps,
  actor: Actor,
  input: { label: string },
): Promise<LostReason> {
  requirePermission(actor, 'crm.settings');
  const now = deps.clock.now();
  await ensurePipelineRows(deps.db, actor.tenantId, now);
  const row = { tenantId: actor.tenantId, id: newId(), label: input.label, active: true, createdAt: now };
  await repo.insertLostReasons(deps.db, [row]);
  return { id: row.id, label: row.label, active: true };
}

/** The stages of these pipelines, by stage id. */
export async function listStagesById(
  db: Db,
  tenantId: string,
  pipelineIds: string[],
): Promise<Map<string, repo.StageRow>> {
  const rows = await repo.listStageRows(db, tenantId, [...new Set(pipelineIds)]);
  return new Map(rows.map((row) => [row.id, row]));
}
