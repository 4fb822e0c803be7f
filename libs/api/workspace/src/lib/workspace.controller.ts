import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@alliances/api/core';
import type { Dashboard } from '@alliances/shared/contracts';
import { WorkspaceService } from './workspace.service';

@ApiTags('workspace')
@ApiBearerAuth()
@Controller('me')
export class WorkspaceController {
  constructor(private readonly workspace: WorkspaceService) {}

  /** What needs the caller across all their alliances, and their alliances' health. */
  @Get('dashboard')
  dashboard(@CurrentUser() user: AuthUser): Promise<Dashboard> {
    return this.workspace.dashboard(user);
  }
}
