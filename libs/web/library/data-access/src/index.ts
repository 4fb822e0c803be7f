export { LibraryApi, type LibraryFilters } from './lib/library.api';
