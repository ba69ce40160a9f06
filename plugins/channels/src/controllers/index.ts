import messages from './messages';
import meta from './meta';
import lapor from './lapor';
import settings from './settings';

export default { messages, meta, lapor, settings };
