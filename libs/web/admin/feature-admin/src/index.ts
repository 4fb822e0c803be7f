export { adminRoutes } from './lib/admin.routes';
export { FigureChart, type FigureEntry } from './lib/overview/figure-chart';
