export * from './lib/observatory.module';
export * from './lib/observatory.service';
export * from './lib/participation.service';
