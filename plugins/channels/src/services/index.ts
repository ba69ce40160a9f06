import channelHealth from './channel-health';
import contacts from './contacts';
import conversation from './conversation';
import inbox from './inbox';
import intake from './intake';
import routing from './routing';
import email from '../email/service';
import meta from '../meta/service';
import telegram from '../telegram/service';
import lapor from '../lapor/service';
import laporImport from '../lapor/importer';
import channelSettings from '../settings/service';

const services = { channelHealth, contacts, conversation, inbox, intake, routing, email, meta, telegram, lapor, laporImport, channelSettings };

export type ChannelsServices = typeof services;
export default services;
