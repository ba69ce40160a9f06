import actions from './actions';
import bot from './bot';
import fanout from './fanout';
import links from './links';
import messages from './messages';
import sender from './sender';

const services = { actions, bot, fanout, links, messages, sender };

export type TelegramServices = typeof services;
export default services;
