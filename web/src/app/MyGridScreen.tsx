import { useMe } from '../features/auth/api/get-me';
import { MyGridRoute } from '../features/my-grid/routes/MyGridRoute';

/** "My grid" for the signed-in account's own areas (the app joins the two features). */
export default function MyGridScreen() {
  const me = useMe();
  return <MyGridRoute areas={me.data?.areas ?? []} />;
}
