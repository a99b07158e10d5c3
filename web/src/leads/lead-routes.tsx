/** The lead pages' routes: the list, one lead, the forms and the form builder; the public form sits outside the app. */
import { createRoute } from '@tanstack/react-router';
import { appRoute, rootRoute } from '../shell/app-route';
import { FormBuilderPage } from './form-builder-page';
import { LeadFormsPage } from './lead-forms-page';
import { LeadListPage } from './lead-list-page';
import { LeadPage } from './lead-page';
import { PublicFormPage } from './public-form-page';

const leadsRoute = createRoute({ getParentRoute: () => appRoute, path: 'leads', component: LeadListPage });
const leadRoute = createRoute({ getParentRoute: () => appRoute, path: 'leads/$id', component: LeadPage });
const formsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'lead-forms',
  component: LeadFormsPage,
});
const newFormRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'lead-forms/new',
  component: FormBuilderPage,
});
const formRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'lead-forms/$id',
  component: FormBuilderPage,
});

/** Signed-in lead pages, children of the app layout. */
export const leadAppRoutes = [leadsRoute, leadRoute, formsRoute, newFormRoute, formRoute] as const;

/** Public: whoever holds a form link answers without signing in (`/f/<token>`). */
export const publicFormRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'f/$token',
  component: PublicFormPage,
});
