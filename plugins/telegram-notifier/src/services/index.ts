import actions from './actions';
import bot from './bot';
import links from './links';
import messages from './messages';
import worker from './worker';

const services = { actions, bot, links, messages, worker };

export type TelegramServices = typeof services;
export default services;
