export { applyJsonLogic, compileJsonLogic, truthy, isLogic } from './jsonlogic/evaluate.js';
export type { JsonLogic, JsonLogicEvaluator, JsonLogicOperation, JsonLogicOptions } from './jsonlogic/evaluate.js';
