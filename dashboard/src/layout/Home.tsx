import { Suspense, lazy } from 'react';
import { Navigate } from 'react-router-dom';
import { Loading, usePermissions } from 'react-admin';
import type { RoleType } from '@layanan/config';
import { homeOf } from '../providers/access';
import { homeScreens } from './homeScreens';

const Board = lazy(() => homeScreens.board().then((m) => ({ default: m.Board })));

/** The dashboard's home depends on the role: the board for officers, the queue for division staff. */
export const Home = () => {
  const { permissions, isPending } = usePermissions<RoleType | null>();
  if (isPending) return <Loading />;
  const home = homeOf(permissions);
  return home === '/' ? (
    <Suspense fallback={<Loading />}>
      <Board />
    </Suspense>
  ) : (
    <Navigate to={home} replace />
  );
};
