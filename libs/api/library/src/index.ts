export * from './lib/library.dto';
export * from './lib/library.service';
export * from './lib/library.controller';
export * from './lib/library.module';
export * from './lib/case-study.entities';
