/** Error codes of pipelines. */
import { AppError } from '../../../platform/errors.js';
import { PIPELINE_ERRORS } from './pipeline.contract.js';

export const pipelineNotFound = (id: string): AppError =>
  new AppError('not_found', PIPELINE_ERRORS.notFound, `No pipeline ${id}.`);

export const stageNotFound = (id: string): AppError =>
  new AppError('not_found', PIPELINE_ERRORS.stageNotFound, `No stage ${id} in this pipeline.`);

export const stageKeyTaken = (key: string): AppError =>
  new AppError('conflict', PIPELINE_ERRORS.invalid, `key: the pipeline already has a stage ${key}.`, {
    issues: [{ path: 'key', message: 'taken in this pipeline' }],
  });
