export * from './lib/funding.module';
export * from './lib/funding.service';
export * from './lib/funding.entities';
export * from './lib/funding-dashboard-reader';
export * from './lib/grant-reports-reader';
