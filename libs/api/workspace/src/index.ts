export * from './lib/workspace.module';
export * from './lib/workspace.service';
export * from './lib/dashboard-todo';
