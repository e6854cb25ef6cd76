import { authRoutes } from '../auth/pages.tsx';
import { calendarPageRoutes } from '../calendar/pages.tsx';
import { apiRoutes } from '../api/routes.ts';
import { auditRoutes } from '../kernel/audit/pages.tsx';
import { deskHomeRoutes } from '../desk/home.tsx';
import { officePageRoutes } from '../dip/office-pages.tsx';
import { dipPortalRoutes } from '../dip/portal.tsx';
import { dipEditionRoutes } from '../dip/desk-editions.tsx';
import { dipPromoteRoutes } from '../dip/promote-pages.tsx';
import { dipSuggestRoutes } from '../dip/suggest.ts';
import { letterRoutes } from '../letters/pages.tsx';
import { officeDeskRoutes } from '../offices/desk-pages.tsx';
import { requestDeskRoutes } from '../requests/desk-pages.tsx';
import { dipImportRoutes } from '../dip/import-pages.tsx';
import { dipItemRoutes } from '../dip/desk-items.tsx';
import { portalRoutes } from '../offices/portal.tsx';
import { requestPortalRoutes } from '../requests/portal.tsx';
import { requestApiRoutes } from '../requests/api.ts';
import { reportRoutes } from '../reports/pages.tsx';
import type { App, AppDeps } from './app.ts';
import { healthRoutes } from './health.ts';

/** Each capability registers its own pages and API routes; the portal's `/:slug` catch-all goes last. */
export async function registerCapabilities(app: App, deps: AppDeps): Promise<void> {
  await healthRoutes(app, deps);
  await authRoutes(app, deps);
  await deskHomeRoutes(app, deps);
  await officeDeskRoutes(app, deps);
  await requestDeskRoutes(app, deps);
  await dipImportRoutes(app, deps);
  await dipEditionRoutes(app, deps);
  await dipPromoteRoutes(app, deps);
  await dipItemRoutes(app, deps);
  await calendarPageRoutes(app, deps);
  await auditRoutes(app, deps);
  await reportRoutes(app, deps);
  await apiRoutes(app, deps);
  await requestApiRoutes(app, deps);
  await letterRoutes(app, deps);
  await dipSuggestRoutes(app, deps);
  await dipPortalRoutes(app, deps);
  await officePageRoutes(app, deps);
  await requestPortalRoutes(app, deps);
  await portalRoutes(app, deps);
}
