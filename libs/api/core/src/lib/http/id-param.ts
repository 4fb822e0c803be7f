import { IsUUID } from 'class-validator';

/** The route parameters of `/…/:id` where the id is a UUID (a malformed one is a 400, not a 404). */
export class IdParam {
  @IsUUID('all') id!: string;
}
