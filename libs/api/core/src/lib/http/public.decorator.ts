import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'alliances:isPublic';
/** Marks a route that needs no access token (*public* in docs/api.md "Authentication"). Every other route is guarded. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
