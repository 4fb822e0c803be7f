import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'alliances:isPublic';
/** Marks a route that needs no access token (CONTRACT.md *public*). Every other route is guarded. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
