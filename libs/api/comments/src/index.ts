export * from './lib/comments.module';
export * from './lib/comments.service';
export * from './lib/comment.entities';
export * from './lib/safe-markdown';
export * from './lib/comments-reader';
