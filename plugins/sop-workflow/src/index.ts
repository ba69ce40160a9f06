import config from './config';
import register from './register';
import bootstrap from './bootstrap';
import services from './services';

export default { config, register, bootstrap, services };
export type { SopWorkflowServices } from './services';
export { getService, returnedRows, type RawResult } from './utils';
export { PUBLIC, SYSTEM, type Actor } from './services/actor';
export { tokenMatches } from './services/tokens';
