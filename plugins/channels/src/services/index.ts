import contacts from './contacts';
import conversation from './conversation';
import inbox from './inbox';
import intake from './intake';
import routing from './routing';
import email from '../email/service';
import meta from '../meta/service';
import telegram from '../telegram/service';

const services = { contacts, conversation, inbox, intake, routing, email, meta, telegram };

export type ChannelsServices = typeof services;
export default services;
