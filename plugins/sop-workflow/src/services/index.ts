import accessLog from './access-log';
import clock from './clock';
import codes from './codes';
import delivery from './delivery';
import durations from './durations';
import events from './events';
import office from './office';
import outbox from './outbox';
import policy from './policy';
import privacy from './privacy';
import sweep from './sweep';
import workflow from './workflow';
import rateLimit from './rate-limit';
import replyWindows from './reply-windows';
import staff from './staff';

const services = { accessLog, clock, codes, delivery, durations, events, office, outbox, policy, privacy, sweep, workflow, rateLimit, replyWindows, staff };

export type SopWorkflowServices = typeof services;
export default services;
