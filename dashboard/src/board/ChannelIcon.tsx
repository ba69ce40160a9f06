import type { Channel } from '@layanan/config';
import type { SvgIconComponent } from '@mui/icons-material';
import WhatsAppIcon from '@mui/icons-material/WhatsApp';
import PhoneIcon from '@mui/icons-material/Phone';
import LanguageIcon from '@mui/icons-material/Language';
import EmailIcon from '@mui/icons-material/Email';
import TelegramIcon from '@mui/icons-material/Telegram';
import CampaignIcon from '@mui/icons-material/Campaign';
import LiveTvIcon from '@mui/icons-material/LiveTv';
import RadioIcon from '@mui/icons-material/Radio';
import FacebookIcon from '@mui/icons-material/Facebook';
import InstagramIcon from '@mui/icons-material/Instagram';
import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';

const ICONS: Record<Channel, SvgIconComponent> = {
  walk_in: DirectionsWalkIcon,
  phone: PhoneIcon,
  website: LanguageIcon,
  email: EmailIcon,
  whatsapp: WhatsAppIcon,
  telegram: TelegramIcon,
  lapor_sp4n: CampaignIcon,
  view_probolinggo: LiveTvIcon,
  radio: RadioIcon,
  facebook: FacebookIcon,
  instagram: InstagramIcon,
};

export const ChannelIcon = ({ channel, label }: { channel: Channel; label: string }) => {
  const Icon = ICONS[channel] ?? LanguageIcon;
  return <Icon className="channel-icon" fontSize="inherit" titleAccess={label} aria-label={label} />;
};
