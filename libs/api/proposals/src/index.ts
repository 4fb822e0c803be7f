export * from './lib/proposals.module';
export * from './lib/proposals.service';
export * from './lib/proposal.entity';
export * from './lib/proposals-dashboard-reader';
export * from './lib/catalysts-reader';
