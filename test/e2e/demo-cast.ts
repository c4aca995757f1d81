import { apiSession, type ApiSession } from './pages/desk.page.js';

/** Someone of the demo town, as the tests name them. */
export interface Person {
  id: number;
  login: string;
  name: string;
}

/**
 * The demo town's people by post, and its positions by name, read once through
 * the admin's API session (not a test file itself).
 */
export async function demoCast(hubUrl: string, password: string): Promise<{ admin: ApiSession; holder: (department: string, position: string) => Person; positionId: (name: string) => number }> {
  const admin = await apiSession(hubUrl, 'admin', password);
  const users = await admin.send<{ items: { id: number; login: string; name: string; departmentName: string | null; positionName: string | null }[] }>('GET', '/api/users?pageSize=200');
  const positions = await admin.send<{ id: number; name: string }[]>('GET', '/api/org/positions');
  return {
    admin,
    holder: (department, position) => {
      const u = users.items.find((x) => x.departmentName === department && x.positionName === position);
      if (!u) throw new Error(`the demo town has no ${department}${position}`);
      return { id: u.id, login: u.login, name: u.name };
    },
    positionId: (name) => positions.find((p) => p.name === name)?.id ?? 0,
  };
}
