import messages from './messages';
import meta from './meta';
import lapor from './lapor';

export default { messages, meta, lapor };
