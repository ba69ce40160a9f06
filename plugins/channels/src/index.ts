import config from './config';
import bootstrap from './bootstrap';
import destroy from './destroy';
import services from './services';
import controllers from './controllers';
import routes from './routes';
import contentTypes from './content-types';

export default { config, bootstrap, destroy, services, controllers, routes, contentTypes };
export type { ChannelsServices } from './services';
export type { InboundMessage } from './services/intake';
export type { ChannelStatus } from './services/channel-health';
export type { SettingView } from './settings/service';
export type { ProbeStep } from './health/probes';
