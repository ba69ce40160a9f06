import config from './config';
import register from './register';
import bootstrap from './bootstrap';
import destroy from './destroy';
import services from './services';

export default { config, register, bootstrap, destroy, services };
export type { SopWorkflowServices } from './services';
export { getService, returnedRows, scheduleJobs, type RawResult } from './utils';
export { PUBLIC, SYSTEM, type Actor } from './services/actor';
export { DUPLICATE_REFERENCE, duplicateReferenceError, isUniqueRefChannel, rethrowWithCode } from './references';
export { fieldRefusal } from './refusals';
export { TOKEN_HASH_FIELDS, inquiryTokenMatches, secretMatches, tokenMatches } from './services/tokens';
export { SECRET_FIELDS } from './services/outbox';
export type { ChannelTrouble, SendReport } from './delivery/engine';
export type { ChannelDigest, ChannelFanout, ChannelSender, FanoutResult, OutboxRow, SendOutcome, SenderLimits } from './delivery/types';
