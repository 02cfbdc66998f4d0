// The kit's admin, loaded on first use: the AWS SDK it is built on is needed only by suites that use `admin`.
import type { Admin, AdminTarget } from './admin.ts';

/** AdminCreateUser, passwords, MFA and deletion over the AWS SDK v3 (src/server/admin.ts), for one pool. */
export async function createAdmin(target: AdminTarget): Promise<Admin> {
  const admin = await import('./admin.ts');
  return admin.createAdmin(target);
}
