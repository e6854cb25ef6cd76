import { text, type Text } from '../kernel/i18n.ts';

/** Staff roles in one office (DOMAIN.md §2), plus the installation's system administrator. */
export const ROLES = ['desk_officer', 'ppid', 'atasan_ppid', 'information_provider', 'office_admin', 'system_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, Text>> = {
  desk_officer: text('Petugas Desk Layanan Informasi', 'Information desk officer'),
  ppid: text('PPID', 'PPID (information officer)'),
  atasan_ppid: text('Atasan PPID (Sekretaris)', 'Atasan PPID (Secretary)'),
  information_provider: text('Penyedia Informasi (PPID Pelaksana)', 'Information provider (unit)'),
  office_admin: text('Admin Kantor', 'Office administrator'),
  system_admin: text('Admin Sistem', 'System administrator'),
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles an office admin may hand out; only a system admin makes system admins. */
export const OFFICE_ROLES: readonly Role[] = ['desk_officer', 'ppid', 'atasan_ppid', 'information_provider', 'office_admin'];
