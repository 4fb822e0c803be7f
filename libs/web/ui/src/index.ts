export { ConfirmDialog, confirmAction, type ConfirmDialogData } from './lib/confirm-dialog/confirm-dialog';
export { Notice, type NoticeKind } from './lib/notice/notice';
export { saveBlob } from './lib/save-blob/save-blob';
