import conversation from './conversation';
import inbox from './inbox';
import intake from './intake';
import routing from './routing';
import email from '../email/service';

const services = { conversation, inbox, intake, routing, email };

export type ChannelsServices = typeof services;
export default services;
