import type { Api } from '../api.js';
import type { Published } from '../api-types.js';
import type { Units } from './execution-units.js';

/** What every part of the execution view reads: the service, the published plan, its model's units. */
export interface ExecutionContext {
  readonly api: Api;
  readonly pub: Published;
  readonly units: Units;
}
