export { libraryRoutes } from './lib/library.routes';
