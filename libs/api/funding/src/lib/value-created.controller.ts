import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, IdParam, type AuthUser } from '@alliances/api/core';
import type { ValueCreated } from '@alliances/shared/contracts';
import { ValueCreatedService } from './value-created.service';

@ApiTags('funding')
@ApiBearerAuth()
@Controller()
export class ValueCreatedController {
  constructor(private readonly values: ValueCreatedService) {}

  @Get('alliances/:id/value-created')
  @ApiOperation({
    summary: 'Value created: valued contributions and grants per organisation and in all, objectives reached, latest focus means',
  })
  valueCreated(@CurrentUser() user: AuthUser, @Param() { id }: IdParam): Promise<ValueCreated> {
    return this.values.valueCreated(user, id);
  }
}
