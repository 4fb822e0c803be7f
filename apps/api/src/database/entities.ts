/** Every entity of every domain, listed explicitly: the API is bundled, so globs would find nothing. */
export const entities = [];
