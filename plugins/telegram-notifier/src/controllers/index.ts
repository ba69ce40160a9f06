import link from './link';
import webhook from './webhook';

export default { link, webhook };
