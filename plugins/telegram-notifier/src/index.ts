import config from './config';
import bootstrap from './bootstrap';
import destroy from './destroy';
import services from './services';
import controllers from './controllers';
import routes from './routes';
import contentTypes from './content-types';

export default { config, bootstrap, destroy, services, controllers, routes, contentTypes };
export type { TelegramServices } from './services';
export type { TelegramConfig } from './config';
