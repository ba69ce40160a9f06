import { InquiryCreate } from './InquiryCreate';
import { InquiryList } from './InquiryList';
import { InquiryShow } from './InquiryShow';

export default { list: InquiryList, show: InquiryShow, create: InquiryCreate, recordRepresentation: 'code' };
