/** Queries of pipelines, their stages and the lost reasons. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { lostReasons, pipelineStages, pipelines } from './pipeline.table.js';

export type PipelineRow = typeof pipelines.$inferSelect;
export type StageRow = typeof pipelineStages.$inferSelect;
export type LostReasonRow = typeof lostReasons.$inferSelect;
export type StageChanges = Partial<Pick<StageRow, 'name' | 'position' | 'probability' | 'guidance'>>;

/** The tenant's pipelines, oldest first. */
export async function listPipelineRows(db: Db, tenantId: string): Promise<PipelineRow[]> {
  return db
    .select()
    .from(pipelines)
    .where(eq(pipelines.tenantId, tenantId))
    .orderBy(asc(pipelines.createdAt), asc(pipelines.id));
}

/** The stages of these pipelines in order. */
export async function listStageRows(db: Db, tenantId: string, pipelineIds: string[]): Promise<StageRow[]> {
  if (pipelineIds.length === 0) return [];
  return db
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.tenantId, tenantId), inArray(pipelineStages.pipelineId, pipelineIds)))
    .orderBy(asc(pipelineStages.pipelineId), asc(pipelineStages.position), asc(pipelineStages.key));
}

/** Records pipelines and their stages. */
export async function insertPipelines(db: Db, rows: PipelineRow[], stages: StageRow[]): Promise<void> {
  if (rows.length) await db.insert(pipelines).values(rows);
  if (stages.length) await db.insert(pipelineStages).values(stages);
}

/** Records one stage. */
export async function insertStage(db: Db, row: StageRow): Promise<void> {
  await db.insert(pipelineStages).values(row);
}

/** Changes a stage of a pipeline; the row after, if it exists. */
export async function updateStageRow(
  db: Db,
  tenantId: string,
  pipelineId: string,
  stageId: string,
  changes: StageChanges,
): Promise<StageRow | undefined> {
  const [row] = await db
    .update(pipelineStages)
    .set(changes)
    .where(
      and(
        eq(pipelineStages.tenantId, tenantId),
        eq(pipelineStages.pipelineId, pipelineId),
        eq(pipelineStages.id, stageId),
      ),
    )
    .returning();
  return row;
}

/** The tenant's lost reasons, oldest first. */
export async function listLostReasonRows(db: Db, tenantId: string): Promise<LostReasonRow[]> {
  return db
    .select()
    .from(lostReasons)
    .where(eq(lostReasons.tenantId, tenantId))
    .orderBy(asc(lostReasons.createdAt), asc(lostReasons.id));
}

/** Records lost reasons. */
export async function insertLostReasons(db: Db, rows: LostReasonRow[]): Promise<void> {
  if (rows.length) await db.insert(lostReasons).values(rows);
}
