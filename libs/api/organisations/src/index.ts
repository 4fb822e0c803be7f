export * from './lib/organisations.module';
export * from './lib/organisations.service';
export * from './lib/organisation.policy';
export * from './lib/organisations-reader';
export * from './lib/territories.service';
export * from './lib/organisation.entity';
export * from './lib/membership.entity';
export * from './lib/invitation.entity';
