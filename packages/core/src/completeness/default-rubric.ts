import rubric from './default-rubric.json' with { type: 'json' };
import { type Rubric, RubricSchema } from './rubric-schema.js';

/**
 * The default rubric (default-rubric.json), after the study's case-completeness practice: the information an
 * engineer needs before diagnosis starts, per issue type. A bug needs the version, environment, error, steps
 * and expected vs actual; a how-to needs the goal and the product area; an install/config case needs the
 * version, environment and the step that failed. Validated when loaded.
 */
export const DEFAULT_RUBRIC: Rubric = RubricSchema.parse(rubric);
