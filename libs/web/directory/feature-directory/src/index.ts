export { directoryRoutes } from './lib/directory.routes';
