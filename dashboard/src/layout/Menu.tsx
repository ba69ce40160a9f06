import { Menu as RaMenu, useCanAccess, useTranslate } from 'react-admin';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import InboxIcon from '@mui/icons-material/Inbox';
import ListAltIcon from '@mui/icons-material/ListAlt';
import AddCommentIcon from '@mui/icons-material/AddComment';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import InsightsIcon from '@mui/icons-material/Insights';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import PolicyIcon from '@mui/icons-material/Policy';
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import type { ReactElement } from 'react';

const Item = ({ to, label, icon, action, resource }: { to: string; label: string; icon: ReactElement; action: string; resource: string }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action, resource });
  return canAccess ? <RaMenu.Item to={to} primaryText={translate(label)} leftIcon={icon} /> : null;
};

/** Only what the signed-in role may use is listed. */
export const Menu = () => (
  <RaMenu>
    <Item to="/" label="layanan.menu.board" icon={<ViewKanbanIcon />} action="list" resource="board" />
    <Item to="/antrean" label="layanan.menu.queue" icon={<InboxIcon />} action="list" resource="queue" />
    <Item to="/inquiries" label="layanan.menu.inquiries" icon={<ListAltIcon />} action="list" resource="inquiries" />
    <Item to="/inquiries/create" label="layanan.menu.intake" icon={<AddCommentIcon />} action="create" resource="inquiries" />
    <Item to="/impor-lapor" label="layanan.menu.laporImport" icon={<UploadFileIcon />} action="create" resource="lapor-import" />
    <Item to="/rekap" label="layanan.menu.recap" icon={<InsightsIcon />} action="list" resource="recap" />
    <Item to="/akses-data" label="layanan.menu.accessLog" icon={<PolicyIcon />} action="list" resource="access-log" />
    <Item to="/kesehatan" label="layanan.menu.health" icon={<MonitorHeartIcon />} action="show" resource="health" />
    <Item to="/profil" label="layanan.menu.profile" icon={<AccountCircleIcon />} action="show" resource="profile" />
  </RaMenu>
);
