export { A_MAP, aCard } from './fixtures';
export { directoryTestingProviders, directoryTranslocoTesting, stubResizeObserver } from './directory-testing';
