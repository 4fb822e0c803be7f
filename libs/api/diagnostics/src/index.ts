export * from './lib/diagnostics.module';
export * from './lib/diagnostics.service';
export * from './lib/diagnostic.entity';
