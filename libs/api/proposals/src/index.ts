export * from './lib/proposals.module';
export * from './lib/proposals.service';
